// The issuing office's own contact details are public; a person's are not.
import { describe, expect, it } from 'vitest';
import { scanText } from '../pipeline/scan.ts';

const texts = (t: string) => scanText(t).map((f) => f.text);

describe("the issuing office's contact details", () => {
  it('are not reported in a letterhead, while the addressee below it is', () => {
    const found = texts(
      'Kitaminato City ― International Residents Desk\nCivic Hall 2F, 1-1 Honcho, Kitaminato-shi · Tel 022-318-2250 · intl@city.kitaminato.lg.jp\nJuly 8, 2024\nTo: Amara Adeyemi\n2-20-8 Minato-cho, Kitaminato-shi, Miyagi 985-3829\namara.adeyemi@quillpost.net\n',
    );
    expect(found).not.toContain('022-318-2250');
    expect(found).not.toContain('intl@city.kitaminato.lg.jp');
    expect(found).toEqual(expect.arrayContaining(['Amara Adeyemi', 'amara.adeyemi@quillpost.net']));
  });

  it('are not reported on an inquiry line, while the addressee block at the top of the letter is', () => {
    const found = texts('〒985-3829 宮城県北みなと市港町2-20-8\n山田 太郎 様\n\n本文です。\n\n照会先：北みなと市福祉課 電話 022-318-2460\n');
    expect(found).toEqual(['985-3829', '宮城県北みなと市港町2-20-8', '山田 太郎']);
  });

  it('are reported when the office word is only inside the mail address', () => {
    expect(texts('メール taro.yamada@city-office.jp')).toEqual(['taro.yamada@city-office.jp']);
  });

  it('are reported when the line names a person (a member of staff and their own mobile)', () => {
    expect(texts('問い合わせ先：生活支援課 山田 太郎 090-1111-2222')).toContain('090-1111-2222');
  });

  it("are not reported in the block under an inquiry heading, nor in a company's footer; a person's mobile there is", () => {
    const found = texts(
      '本文です。\n\n【本件に関するお問い合わせ先】\n株式会社カゼソフト 公共システム事業部 第二課\n担当：黒田 智也 携帯 090-3318-2764\nTEL 0547-30-7730（代表） 直通 0547-30-7746\n\n株式会社カゼソフト 〒427-0011 柊原市栄町五丁目2番8号 カゼソフトビル5F\n',
    );
    expect(found).toEqual(expect.arrayContaining(['黒田 智也', '090-3318-2764']));
    for (const office of ['0547-30-7730', '0547-30-7746', '427-0011']) expect(found).not.toContain(office);
    expect(found.some((f) => f.includes('栄町'))).toBe(false);
  });
});
