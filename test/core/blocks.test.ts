import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analysis.js';
import { endsInCredit, headsComments, lineSign, pageModel, type BlockKind, type PageModel } from '../../src/core/blocks.js';
import { parseDocument } from '../../src/core/parse.js';
import { lineShape } from '../../src/core/text.js';

/** The block model of lines set apart as a page dump sets them (a blank line between each). */
function modelOf(lines: readonly string[]): PageModel {
  const document = parseDocument(lines.join('\n\n'));
  return pageModel(document, analyse(document));
}

/** The kind of the block that holds the line with text `text`. */
function kindOf(model: PageModel, text: string): BlockKind | undefined {
  const line = model.lines.find((each) => each.line.text === text);
  return line && model.blocks[model.blockOf[line.position]!]!.kind;
}

const PROSE = [
  'The harbour ferry resumed its crossings on Monday after six weeks of repairs in the dry dock.',
  'About two thousand commuters use the ferry each day, and many of them faced long detours while it was away.',
  'The operator said that a second boat would join the route next summer, once its crew had been trained.',
  'Fares will stay the same until the end of the year, but season tickets will cost more from January.',
];

describe('lineSign', () => {
  it('reads dates, slide numbers, counters, credits and introductions by their shape', () => {
    expect(lineSign('14. Juni 2013 at 20:51', 6)).toBe('date');
    expect(lineSign('November 20, 2019', 3)).toBe('date');
    expect(lineSign('2019-11-20', 3)).toBe('date');
    expect(lineSign('3/12', 2)).toBe('slide');
    expect(lineSign('Bild 3 von 12', 4)).toBe('slide');
    expect(lineSign('(3 / 12)', 2)).toBe('slide');
    expect(lineSign('٣/١٢', 2)).toBe('slide');
    expect(lineSign('Kommentare (8)', 2)).toBe('counter');
    expect(lineSign('1.2K shares', 3)).toBe('counter');
    expect(lineSign('© Anna Berg', 2)).toBe('credit');
    expect(lineSign('Foto: Privat', 2)).toBe('credit');
    expect(lineSign('The band plays these dates:', 5)).toBe('intro');
  });

  it('says nothing of a heading or a sentence', () => {
    expect(lineSign('Ferry returns to the harbour', 5)).toBeUndefined();
    expect(lineSign('The ferry is back.', 4)).toBeUndefined();
    // A long line is no date however many numbers it holds.
    expect(lineSign('On 12.05.2024 at 09:14 the ferry left the harbour with two hundred passengers and forty bicycles on board', 20)).toBeUndefined();
  });
});

describe('lineSign and numbers outside ASCII', () => {
  // A line is tried for a number by its ASCII digits first, and by the Unicode class only when it
  // holds a character outside ASCII: numbers written in other scripts, or as superscripts and
  // fractions, must still be found.
  it('reads numbers of any script, in lines with or without ASCII digits', () => {
    expect(lineSign('١٢.٠٥.٢٠٢٤', 1)).toBe('date');
    expect(lineSign('３/１２', 1)).toBe('slide');
    expect(lineSign('Kommentare (٨)', 2)).toBe('counter');
    expect(lineSign('Bild ³ von ¹²', 4)).toBe('slide');
    expect(lineSign('𝟑/𝟏𝟐', 1)).toBe('slide');
    expect(lineSign('Café (8)', 2)).toBe('counter');
    expect(lineSign('Café crème', 2)).toBeUndefined();
  });
});

describe('headsComments', () => {
  // Every word for comments, in any case: a line holding none is not tried with the whole pattern
  // (see COMMENTS_PIECE), so each word must hold one of its pieces.
  const words = [
    'comment', 'comments', 'commentaire', 'commentaires', 'kommentar', 'kommentare', 'kommentarer', 'comentario', 'comentarios',
    'comentário', 'comentários', 'commenti', 'commento', 'reacties', 'komentarze', 'komentáře', 'yorumlar', 'комментарий',
    'комментария', 'комментарии', 'коментарі', 'コメント', '댓글', '评论', '評論', '留言',
  ];
  it.each(words)('reads "%s" in any case as heading a comment section', (word) => {
    for (const written of [word, word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)]) {
      expect(headsComments(`Leave a ${written}`, 3)).toBe(true);
      expect(headsComments(`[ 12 ${written} ]`, 2)).toBe(true);
    }
  });

  it('reads the word only whole, and only in a short line', () => {
    expect(headsComments('Commentary', 1)).toBe(false);
    expect(headsComments('Our commitment', 2)).toBe(false);
    expect(headsComments('Leave a comment below and tell us what you think of it', 11)).toBe(false);
    // "comment" under Unicode case folding: the Kelvin sign folds to "k".
    expect(headsComments('\u212Aommentare (3)', 2)).toBe(true);
  });
});

describe('endsInCredit', () => {
  const cases: [string, boolean][] = [
    ['Gulls over the harbour at dawn. Photo: Anna Berg', true],
    ['The new ferry on its first crossing (Bild: Werft Nord)', true],
    ['The new ferry on its first crossing (Image: NORD )', true],
    ['“We are back on the water.” Photograph: Anna Berg via Harbour Pictures', true],
    ['The harbour at dawn | © Anna Berg/Bildagentur', true],
    ['Gulls over the harbour at dawn. AFP', true],
    ['The ferry at the quay, May 3, 2024. AGENCY/Anna Berg', true],
    ['The ferry at the quay. Anna Berg, CC-BY-SA 4.0', true],
    ['Gulls over the harbour (CC0)', true],
    ['The ferry at the quay, CC BY 2.0', true],
    ['The answer: it works.', false],
    ['The ferry left at dawn.', false],
    ['The ferry crew voted for CCTV', false],
    ['The ferry left at dawn.AGENCY / Anna Berg', false],
  ];
  it.each(cases)('%j -> %s', (text, expected) => {
    expect(endsInCredit(text)).toBe(expected);
  });
});

describe('pageModel', () => {
  it('groups prose and runs of short lines into blocks, and tells a menu from a table', () => {
    const model = modelOf(['Home', 'News', 'Sport', 'Weather', 'Travel', ...PROSE, 'Length 42 m', 'Seats 200', 'Bicycles 40', 'Built 1998']);
    expect(kindOf(model, 'News')).toBe('menu');
    expect(kindOf(model, PROSE[0]!)).toBe('prose');
    expect(kindOf(model, 'Seats 200')).toBe('table');
    expect(model.blocks.map((block) => block.kind)).toEqual(['menu', 'prose', 'table']);
  });

  it('splits a run of short lines where its lines fall to a third of their length, not where they grow', () => {
    const items = ['new fenders fitted on both sides', 'the engine serviced in the dry dock', 'a wider ramp for cars and bicycles', 'fresh paint on the upper deck rails', 'two lifeboats replaced with larger ones'];
    const links = ['Edit', 'Tags', 'History', 'Print', 'Help'];
    const split = modelOf([...PROSE, ...items, ...links]);
    expect(kindOf(split, items[0]!)).toBe('list');
    expect(kindOf(split, 'Tags')).toBe('menu');
    expect(split.blockOf[split.lines.find((line) => line.line.text === items[4])!.position]).not.toBe(split.blockOf[split.lines.find((line) => line.line.text === 'Edit')!.position]);
    // Short items over longer ones (a list of payment terms, then its details) are one list.
    const grown = modelOf([...PROSE, ...links, ...items]);
    expect(grown.blockOf[grown.lines.find((line) => line.line.text === 'Help')!.position]).toBe(grown.blockOf[grown.lines.find((line) => line.line.text === items[0])!.position]);
    // So is a list whose shape changes on fewer than five lines at its end.
    const tail = modelOf([...PROSE, ...items, ...links.slice(0, 4)]);
    expect(tail.blockOf[tail.lines.find((line) => line.line.text === items[4])!.position]).toBe(tail.blockOf[tail.lines.find((line) => line.line.text === 'Edit')!.position]);
  });

  it('counts a line ending in a colon as prose when it is a sentence, and hard-wrapped lines as prose', () => {
    const wrapped = 'The harbour ferry resumed its crossings on Monday after six weeks of';
    const model = modelOf(['Home', 'News', 'Sport', 'The operator has published the new timetable:', wrapped, 'repairs in the dry dock, the operator said on Monday.', ...PROSE]);
    expect(model.lines.find((line) => line.line.text === 'The operator has published the new timetable:')!.prose).toBe(true);
    expect(model.lines.find((line) => line.line.text === wrapped)!.prose).toBe(true);
    expect(model.lines.find((line) => line.line.text === 'News')!.prose).toBe(false);
  });

  it('reads a short question alone on its line as a heading, a longer one as prose', () => {
    const short = 'Why does the ferry matter to the island?';
    const long = 'Why should the island pay for a second ferry when the first one has been running half empty since the spring?';
    const model = modelOf([PROSE[0]!, short, PROSE[1]!, PROSE[2]!, long, PROSE[3]!]);
    expect(model.lines.find((line) => line.line.text === short)!.prose).toBe(false);
    expect(kindOf(model, short)).toBe('heading');
    expect(model.lines.find((line) => line.line.text === long)!.prose).toBe(true);
  });

  it('finds a list of other stories whose headlines are questions', () => {
    const teasers = [
      'Will the old pier be saved?', 'The council will decide in March whether to repair the old pier or to pull it down.',
      'Who pays for the new cycle path?', 'Cyclists can now ride from the old mill to the town centre without sharing the road with cars.',
      'Is a storm coming this weekend?', 'Forecasters expect gusts of up to ninety kilometres an hour on Thursday night along the coast.',
    ];
    const model = modelOf([...PROSE, 'More stories', ...teasers]);
    expect(kindOf(model, teasers[3]!)).toBe('teasers');
  });

  it("does not mark as repeated the subheadings a table of contents names, but a menu printed again side by side stays repeated", () => {
    const contents = ['Crossings', 'Commuters', 'New boat', 'Fares'];
    const menu = ['Home', 'News', 'Sport', 'Weather'];
    const sections = contents.flatMap((heading, i) => [heading, PROSE[i]!]);
    const model = modelOf([...menu, 'Contents', ...contents, ...sections, ...menu]);
    const flags = (texts: readonly string[]) => model.lines.filter((line) => texts.includes(line.line.text)).map((line) => line.repeated);
    // The table's own lines are still printed twice; their copies over the sections are headings.
    expect(flags(contents)).toEqual([true, true, true, true, false, false, false, false]);
    expect(model.headings.map((i) => model.lines[i]!.line.text)).toEqual(contents);
    expect(flags(menu)).toEqual(Array(8).fill(true));
    // Three names are too few to be a table of contents (MIN_CONTENTS_LINES 4).
    const short = modelOf([...menu, ...contents.slice(0, 3), ...sections.slice(0, 6), ...menu]);
    expect(short.headings).toEqual([]);
  });

  it('marks a line the page prints again in another block as repeated, not copies inside one block', () => {
    const model = modelOf(['Home', 'News', 'Sport', ...PROSE, '1', 'g', 'Flour', '2', 'g', 'Salt', ...PROSE.map((line) => line.replace('.', ' again.')), 'Home', 'News', 'Sport']);
    expect(model.lines.filter((line) => line.line.text === 'Home').map((line) => line.repeated)).toEqual([true, true]);
    expect(model.lines.filter((line) => line.line.text === 'g').map((line) => [line.repeated, line.copies])).toEqual([[false, 2], [false, 2]]);
  });

  it('ends blocks at blank lines when the text groups its lines into paragraphs', () => {
    const text = `${PROSE.join('\n')}\n\nHome\nNews\nSport\n\nLength 42 m\nSeats 200\nBicycles 40\n`;
    const document = parseDocument(text);
    const model = pageModel(document, analyse(document));
    expect(model.blocks.map((block) => block.kind)).toEqual(['prose', 'menu', 'table']);
  });

  it('finds a gallery: slide numbers of one count in order, with their captions', () => {
    const model = modelOf([...PROSE.slice(0, 2), '1/3', 'The ferry in the dry dock.', 'Photo: Harbour Trust', '2/3', 'A new engine is lifted aboard.', 'Photo: Harbour Trust', '3/3', 'The first crossing on Monday.', 'Photo: Harbour Trust', ...PROSE.slice(2)]);
    expect(model.galleries).toHaveLength(1);
    const gallery = model.galleries[0]!;
    expect([model.lines[gallery.from]!.line.text, model.lines[gallery.to]!.line.text]).toEqual(['1/3', 'Photo: Harbour Trust']);
    expect(kindOf(model, '2/3')).toBe('gallery');
  });

  it('finds a gallery of captions numbered at their start, from the first one by one; not in a recipe\'s fractions', () => {
    const captions = ['1 of 3 The ferry in the dry dock before the repairs began.', '2 of 3 A new engine is lifted aboard by the harbour crane.', '3 of 3 The first crossing on Monday morning.'];
    const model = modelOf([...PROSE.slice(0, 2), ...captions, ...PROSE.slice(2)]);
    expect(model.galleries).toHaveLength(1);
    const gallery = model.galleries[0]!;
    expect([model.lines[gallery.from]!.line.text, model.lines[gallery.to]!.line.text]).toEqual([captions[0], captions[2]]);
    const ingredients = ['1/4 cup of sugar for the glaze on top', '3/4 cup of flour, sifted twice before use', '1/2 cup of warm milk', '2/3 cup of butter'];
    expect(modelOf([...PROSE, ...ingredients]).galleries).toEqual([]);
    // Numbered from the second caption on: no gallery.
    expect(modelOf([...PROSE, ...captions.slice(1)]).galleries).toEqual([]);
  });

  it('finds no gallery in slide numbers out of order, of different counts, or alone', () => {
    expect(modelOf([...PROSE, '2/3', 'Caption one here.', '1/3']).galleries).toEqual([]);
    expect(modelOf([...PROSE, '1/3', 'Caption one here.', '2/4']).galleries).toEqual([]);
    expect(modelOf([...PROSE, 'Seite 3 von 8']).galleries).toEqual([]);
  });

  it('finds a comment thread: three dated heads of one shape, each over a short text', () => {
    const thread = [
      'Anna Weber says: 12.05.2024 at 09:14', 'Good news for the harbour, the old ferry was falling apart when I last took it.', 'Reply',
      'Tom says: 12.05.2024 at 10:02', 'I hope they keep the early crossing in winter as well, I need it for work.', 'Reply',
      'Mia says: 13.05.2024 at 18:40', 'My grandfather was one of the first pilots of that ferry, he would have liked this.', 'Reply',
    ];
    const model = modelOf([...PROSE, ...thread]);
    expect(kindOf(model, 'Tom says: 12.05.2024 at 10:02')).toBe('comments');
    expect(kindOf(model, PROSE[0]!)).toBe('prose');
    // Two comments could be an article's byline and its update.
    expect(kindOf(modelOf([...PROSE, ...thread.slice(0, 6)]), 'Tom says: 12.05.2024 at 10:02')).not.toBe('comments');
  });

  it('finds a gallery of dated slides, each under the gallery\'s title, and reads no comment thread in it', () => {
    const slides = [
      ['4 May 2024', 'Fishing boats return to the harbour at dawn after a night at sea off the northern cape.', 'Photo agency'],
      ['3 May 2024', 'Children feed the swans on the frozen pond behind the old mill, watched by their teachers.', 'Press service'],
      ['2 May 2024', 'A crane lifts the last section of the new footbridge into place above the railway station.', 'Photo agency'],
      ['1 May 2024', 'Dancers in folk costume lead the spring parade through the market square on a bright morning.', 'City archive'],
    ];
    const gallery = slides.flatMap((slide) => ['Harbour life in pictures', ...slide]);
    const model = modelOf([...PROSE, ...gallery, ...PROSE.map((line) => line.replace('.', ' again.'))]);
    expect(model.galleries).toHaveLength(1);
    expect(kindOf(model, '3 May 2024')).toBe('gallery');
    const range = model.galleries[0]!;
    expect([model.lines[range.from]!.line.text, model.lines[range.to]!.line.text]).toEqual(['Harbour life in pictures', 'City archive']);
    expect(kindOf(model, slides[2]![1]!)).not.toBe('comments');
    // The same dated lines under a "read more" that closes each text above them: a list, not a gallery.
    const teasers = slides.flatMap(([date, text]) => [date!, text!, 'Read more']);
    expect(modelOf([...PROSE, ...teasers]).galleries).toEqual([]);
    // Under their authors' names, dated lines head comments.
    const names = ['Anna Weber', 'Tom Berg', 'Mia Lind', 'Ola Stein'];
    const thread = slides.flatMap(([date, text], k) => [names[k]!, date!, text!, 'Reply']);
    expect(modelOf([...PROSE, ...thread]).galleries).toEqual([]);
  });

  it('does not take an article under its dated byline for a comment', () => {
    const teasers = ['[ 12.05.2024 ] Ferry timetable changes', 'The island ferry will run four times a day from November instead of six.', '[ 11.05.2024 ] New cycle path opens', 'Cyclists can ride from the old mill to the town centre without cars.'];
    const byline = '13.05.2024 Ellen Ward Harbour';
    const model = modelOf([...teasers, byline, ...PROSE, ...PROSE.map((line) => line.replace('.', ' too.')).slice(0, 3)]);
    expect(kindOf(model, byline)).not.toBe('comments');
    expect(kindOf(model, PROSE[0]!)).toBe('prose');
  });

  it('finds a list of other stories: three sentences standing alone, each under a few short lines', () => {
    const teasers = [
      'Ferry timetable changes for the winter', 'Mara Lind', 'The island ferry will run four times a day from November instead of six, the operator has announced.',
      'New cycle path opens along the river', 'Tom Ashby', 'Cyclists can now ride from the old mill to the town centre without sharing the road with cars.',
      'Storm warning for the northern coast', 'Mara Lind', 'Forecasters expect gusts of up to ninety kilometres an hour on Thursday night along the coast.',
    ];
    const model = modelOf([...PROSE, 'More stories', ...teasers]);
    expect(kindOf(model, 'Tom Ashby')).toBe('teasers');
    expect(kindOf(model, teasers[2]!)).toBe('teasers');
    expect(kindOf(model, 'More stories')).not.toBe('teasers');
    expect(kindOf(modelOf([...PROSE, 'More stories', ...teasers.slice(0, 6)]), 'Tom Ashby')).not.toBe('teasers');
  });

  it('finds a list of other stories laid out as headline and summary, one short line between summaries', () => {
    const teasers = [
      'Ferry timetable changes for the winter', 'The island ferry will run four times a day from November instead of six, the operator has announced.',
      'New cycle path opens along the river', 'Cyclists can now ride from the old mill to the town centre without sharing the road with cars.',
      'Storm warning for the northern coast', 'Forecasters expect gusts of up to ninety kilometres an hour on Thursday night along the coast.',
    ];
    const model = modelOf([...PROSE, 'More stories', ...teasers]);
    expect(kindOf(model, teasers[3]!)).toBe('teasers');
    expect(kindOf(model, 'Storm warning for the northern coast')).toBe('teasers');
    // Paragraphs of the article, with a subheading between two of them, are no such list.
    const article = modelOf([PROSE[0]!, 'Repairs', PROSE[1]!, PROSE[2]!, 'Fares', PROSE[3]!]);
    expect(kindOf(article, PROSE[1]!)).toBe('prose');
  });

  it('reads a numbered sequence of steps as an ordered list: its texts are not a list of other stories', () => {
    const steps = [
      '1.', 'Drain the harbour basin and check the gates for cracks before the divers go down.',
      '2.', 'Lift the old ferry onto the blocks with the harbour crane, one end at a time.',
      '3.', 'Scrape the hull clean, then paint it twice with the new coating and let it dry.',
    ];
    const model = modelOf([...PROSE, 'How the repair works', ...steps]);
    expect(model.lines.filter((line) => /^\d\.$/u.test(line.line.text)).map((line) => line.sign)).toEqual(['step', 'step', 'step']);
    expect(kindOf(model, steps[3]!)).toBe('prose');
    // Two numbers are no sequence (a date and a count can be two numbers), nor numbers out of order.
    expect(kindOf(modelOf([...PROSE, 'How the repair works', ...steps.slice(0, 4), 'More stories', 'Storm warning for the coast', 'Forecasters expect gusts of up to ninety kilometres an hour on Thursday.']), steps[3]!)).toBe('teasers');
    expect(modelOf([...PROSE, '2.', steps[1]!, '1.', steps[3]!, '3.', steps[5]!]).lines.some((line) => line.sign === 'step')).toBe(false);
    // A step's number in brackets, after a word or before a colon.
    for (const numbers of [['(1)', '(2)', '(3)'], ['1)', '2)', '3)'], ['Step 1', 'Step 2', 'Step 3'], ['Schritt 1:', 'Schritt 2:', 'Schritt 3:']]) {
      const numbered = modelOf([...PROSE, 'How the repair works', numbers[0]!, steps[1]!, numbers[1]!, steps[3]!, numbers[2]!, steps[5]!]);
      expect(numbered.lines.filter((line) => numbers.includes(line.line.text)).map((line) => line.sign)).toEqual(['step', 'step', 'step']);
    }
  });

  it('reads lines of a program as a block of code, and a tutorial\'s sentence between two of them as no teaser', () => {
    const tutorial = [
      'First we read the timetable from the harbour\'s file and keep the crossings of the day.',
      'rows = read_timetable("ferry.csv")',
      'today = [row for row in rows if row.day == weekday]',
      'Then we print each crossing with its time and the boat that sails it.',
      'for row in today:',
      'print(row.time, row.boat)',
      'That is all the script needs to show the day\'s crossings on the harbour\'s screen.',
    ];
    const model = modelOf([...PROSE, ...tutorial]);
    expect(kindOf(model, tutorial[1]!)).toBe('code');
    expect(kindOf(model, tutorial[5]!)).toBe('code');
    expect(model.lines.find((line) => line.line.text === tutorial[3])!.isolated).toBe(false);
    // An address with underscores, a heading and a table row are no code.
    expect(kindOf(modelOf([...PROSE, 'Write to ferry_office@example.org', 'Opening hours']), 'Opening hours')).toBe('heading');
    expect(kindOf(modelOf([...PROSE, 'Timetable at https://example.org/ferry_times', 'Opening hours']), 'Opening hours')).toBe('heading');
    // Without "@" or "://" the same underscore is code.
    expect(kindOf(modelOf([...PROSE, 'Write to ferry_office', 'Opening hours']), 'Opening hours')).toBe('code');
    expect(kindOf(modelOf([...PROSE, 'Length 42 m', 'Seats 200', 'Bicycles 40']), 'Seats 200')).toBe('table');
  });

  it('reads a teaser that restates a link\'s headline over its summary as a line the page holds again', () => {
    const link = 'Ferry timetable changes for the winter';
    const teaser = `${link} The island ferry will run four times a day from November instead of six.`;
    const model = modelOf([...PROSE, 'Latest', link, 'New cycle path opens', 'Most read', teaser]);
    expect(model.lines.find((line) => line.line.text === teaser)!.repeated).toBe(true);
    // A paragraph that opens with a three-word subheading's words is the article's.
    const subheading = 'The second boat';
    const paragraph = 'The second boat will join the route next summer, once its crew has been trained.';
    expect(modelOf([...PROSE, subheading, paragraph]).lines.find((line) => line.line.text === paragraph)!.repeated).toBe(false);
  });

  it('gives each block the share of its lines in its commonest shape, as counted line by line', () => {
    const rows = ['Length: 42 m', 'Seats: 200', 'Bicycles: 40', 'Cars: none', 'Built in 1998 by Werft Nord'];
    const model = modelOf([...PROSE, 'Home', 'News', 'Sport', ...rows, ...PROSE.slice(0, 2), '3/12', 'Gulls at dawn']);
    for (const block of model.blocks) {
      const counts = new Map<string, number>();
      for (let i = block.from; i <= block.to; i++) {
        const shape = lineShape(model.lines[i]!.line.text);
        counts.set(shape, (counts.get(shape) ?? 0) + 1);
      }
      expect(block.parallel).toBe(Math.max(...counts.values()) / (block.to - block.from + 1));
    }
  });

  it('reads dates written with other digits, in CJK or as a time, and no date in a plain count', () => {
    expect(lineSign('١٤.٠٦.٢٠١٣', 1)).toBe('date');
    expect(lineSign('2019年11月', 2)).toBe('date');
    expect(lineSign('Posted at 9:14', 4)).toBe('date');
    expect(lineSign('14 Juni 2013', 3)).toBe('date');
    expect(lineSign('12 comments', 2)).toBe('counter');
    expect(lineSign('Share this story with 3 of your friends', 8)).toBeUndefined();
  });

  it('reads a line as code by any of its marks, and a line holding none as text', () => {
    for (const code of ['print(results)', 'x => x + 1', 'node -> next', 'if a == b', 'total = 0', 'status_code', 'end;', 'main() {', '}', ']']) {
      expect(kindOf(modelOf([...PROSE, code, 'Opening hours']), 'Opening hours')).toBe('code');
    }
    expect(kindOf(modelOf([...PROSE, 'Ferry times (winter)', 'Opening hours']), 'Opening hours')).toBe('heading');
  });

  it('reads a credit in capitals outside ASCII at the end of a caption', () => {
    expect(endsInCredit('Gulls over the harbour at dawn. ÖRF')).toBe(true);
    expect(endsInCredit('Gulls over the harbour at dawn.')).toBe(false);
  });

  it('reads names joined by slashes as a credit', () => {
    expect(lineSign('Anna Berg/Bildagentur Nord', 3)).toBe('credit');
    expect(lineSign('DPA / Lutz Mahler', 3)).toBe('credit');
    expect(lineSign('either/or', 1)).toBeUndefined();
  });
});
