// Frequent given names written in Latin letters: the most common names of the
// US and UK birth and census records, romanised Japanese given names (letters
// to foreign residents are often about Japanese family members too), and
// common names of the larger foreign communities in Japan (Chinese, Korean,
// Vietnamese, Filipino, Brazilian, Nepali, Indian, Nigerian). Words that are
// also months, weekdays or common English words (May, June, Will, Grace,
// Hope, Joy) are left out: a name is then only found beside a label.
export const LATIN_GIVEN_NAMES = new Set(
  `
James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald Steven
Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan
Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron
Jose Adam Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy Christian Keith Roger Terry Gerald Harold Sean
Austin Carl Arthur Lawrence Dylan Jesse Jordan Bryan Billy Joe Bruce Gabriel Logan Albert Willie Alan Juan Wayne Elijah
Randy Roy Vincent Ralph Eugene Russell Bobby Mason Philip Louis Oliver Harry Lucas Liam Leo Oscar Theo Luke Owen Hugo
Isaac Caleb Connor Ian Simon Martin Neil Graham Stuart Colin Derek Trevor Victor Hector Marcus Rahul Lewis Callum Rhys
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra Ashley Kimberly
Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley
Anna Brenda Pamela Emma Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane
Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl Hannah Jacqueline
Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice Jean Abigail Alice Judy Sophia Denise Amber Doris Marilyn
Danielle Beverly Isabella Theresa Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori Sophie Sofia Chloe Lucy Amelia
Isla Ava Mia Ella Ruby Freya Poppy Evie Jessica Holly Fiona Claire Eleanor Harriet Alison Gemma Louise Kirsty Amara Ayesha
Haruka Yuki Yuko Yoko Keiko Kazuko Michiko Akiko Tomoko Naoko Hiroko Kyoko Mayumi Yumiko Sachiko Noriko Emiko Junko Reiko
Ayumi Aiko Akemi Chika Chiyoko Eri Hanako Hikari Hina Hinata Kaori Kana Kanako Kumiko Mai Mami Megumi Miho Miki Misaki
Mio Misato Momoka Nanami Natsuki Rie Rina Saki Sakura Satomi Sayaka Shiori Takako Yui Yuna Yuka Yukari Yumi Yuri Mariko
Kenji Hiroshi Takashi Kenta Satoshi Makoto Yuta Yusuke Daisuke Kazuki Shota Takuya Tatsuya Naoki Kazuhiro Kenichi Koji
Takeshi Masato Masaki Tsuyoshi Yoshiro Tetsuya Hideki Haruto Sota Riku Ren Minato Yuto Sho Shun Shinji Shingo Akira Jun
Ichiro Jiro Taro Kenjiro Hayato Kaito Kosuke Ryota Ryo Toshiro Yasuo Yoshio Hideo Isamu Osamu Minoru Susumu Tadashi
Wei Jing Li Ming Hui Xiaoming Xiaoling Yan Ying Jun Hao Lei Fang Mei Ling Chen Zhiwei Jiahui Minjun Seojun Jiwoo Jimin
Minji Seoyeon Jiyeon Hyejin Sunghoon Nguyen Minh Anh Linh Thanh Hoa Lan Huong Tuan Duc Hung Quang Trang Thao Mai Ngoc
Jose Juan Carlos Luis Jorge Miguel Pedro Antonio Francisco Rafael Fernando Ricardo Eduardo Paulo Marcos Lucas Thiago
Ana Juliana Fernanda Camila Gabriela Mariana Beatriz Larissa Leticia Bruna Renata Patricia Adriana Rosa Carmen Lucia
Ramesh Suresh Rajesh Anil Sunil Amit Sanjay Vijay Arjun Rohan Priya Pooja Anjali Neha Sita Gita Kamal Bishnu Ram Hari
Krishna Santosh Prakash Deepak Sabina Sunita Chinedu Emeka Oluwaseun Adebayo Ngozi Chiamaka Fatima Aisha Mohammed Ahmed
Ali Omar Hassan Yusuf Ibrahim Mustafa Layla Zainab Mariam Ivan Dmitri Sergei Olga Natasha Elena Irina Anastasia Marco
Giulia Francesca Matteo Luca Hans Klaus Stefan Lars Sven Ingrid Astrid Pierre Jean Claude Sophie Camille Louis Amelie
`
    .split(/\s+/)
    .filter(Boolean),
);
