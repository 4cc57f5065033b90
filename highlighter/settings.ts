// The highlighter's switches, kept in the extension's local storage: sites where
// Sumi is paused, and screen-share-safe mode (findings blurred). Set from the popup,
// read and watched by the content script.
import { storage } from 'wxt/utils/storage';

/** host names where the highlighter is paused */
export const pausedSitesItem = storage.defineItem<string[]>('local:sumi.pausedSites', { fallback: [] });

/** blur the findings on every page (screen sharing) */
export const screenShareSafeItem = storage.defineItem<boolean>('local:sumi.screenShareSafe', { fallback: false });
