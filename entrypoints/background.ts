export default defineBackground(() => {
  // Placeholder: the badge and message routing arrive with the highlighter.
});
