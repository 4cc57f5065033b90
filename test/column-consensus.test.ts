// A column most of whose cells the detectors found to hold one kind of value
// is read as a column of that kind: its other cells of the same shape are
// found too, whatever the header says (engine/column-consensus.ts).
import { describe, expect, it } from 'vitest';
import { scanText } from '../pipeline/scan.ts';

const found = (text: string) => scanText(text).map((f) => `${f.kind} ${f.text}`);

describe('column consensus', () => {
  it('finds a name nobody could know in a column of names under a header that names nothing', () => {
    const text = '号\t係\t備考\n1\t山田 太郎\tx\n2\t佐藤 花子\ty\n3\t鈴木 一郎\tz\n4\t澪標 朔也\tw\n5\t総務課\tv\n';
    expect(found(text)).toContain('person-name 澪標 朔也');
    // a department in the same column is not a name: it has no shape of one
    expect(found(text).some((f) => f.includes('総務課'))).toBe(false);
    const latin = 'Ref\tLead\tNote\n1\tEmily Carter\tx\n2\tDaniel Brooks\ty\n3\tHannah Lee\tz\n4\tXavi Quoll\tw\n';
    expect(found(latin)).toContain('person-name Xavi Quoll');
  });

  it('finds an account the label did not reach in a column of login IDs', () => {
    const text = 'host\tuser\tnote\nweb01\tadmin01\tx\nweb02\tops-02\ty\nweb03\tbk_admin\tz\nweb04\troot\tw\n';
    expect(found(text)).toContain('login-id root');
  });

  it('reads a column of account names just before a column of passwords as login IDs, whatever its header (OCR misread it)', () => {
    const text = 'No\t氏名\tアーー の\t初期パスワード\n1\t佐々木 美和\tm-sasaki\tMw7#kT2q\n2\t大河内 亮介\tr-okochi\tRk!83vLz\n3\t新井 千尋\tc-arai2\tChihiro$26\n4\t金城 大輔\th-kinjo\tHy6&Wd3n\n';
    for (const id of ['m-sasaki', 'r-okochi', 'c-arai2', 'h-kinjo']) expect(found(text)).toContain(`login-id ${id}`);
    // words and numbers before a column of passwords are no accounts
    const words = 'No\t区分\t職員番号\t初期パスワード\n1\tnew\t104872\tMw7#kT2q\n2\tnew\t104873\tRk!83vLz\n3\treissue\t098115\tChihiro$26\n';
    expect(found(words).filter((f) => f.startsWith('login-id'))).toEqual([]);
  });

  it('takes no column for names when fewer than three in five cells agree', () => {
    const text = 'Ref\tLead\tNote\n1\tEmily Carter\tx\n2\tDaniel Brooks\ty\n3\tBlue Team\tz\n4\tXavi Quoll\tw\n5\tRed Team\tw\n6\tGreen Lane\tw\n';
    expect(found(text)).not.toContain('person-name Xavi Quoll');
    expect(found(text).some((f) => f.includes('Team'))).toBe(false);
  });

  it('finds an address the patterns cannot read whole in a column of addresses whose header OCR misread', () => {
    // 住所 read as 利和; one address broken by OCR's spaces, one a house name with a room number
    const text =
      'No\t氏名\t利和\t備考\n1\t山田 太郎\t西ノ浦市東浜町2丁目9番2号\tx\n2\t佐藤 花子\t西ノ浦市東浜3-11-15\ty\n' +
      '3\t鈴木 一郎\t西ノ浦市大字東浜字磯辺599番地\tz\n4\t高橋 次郎\t西ノ 浦 市東浜2-9-11\tw\n5\t田中 三郎\t同上\tv\n';
    expect(found(text)).toContain('address 西ノ 浦 市東浜2-9-11');
    // a cell with no number is no address ("same as above")
    expect(found(text).some((f) => f.includes('同上'))).toBe(false);
  });
});
