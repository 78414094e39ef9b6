import { ruleTester } from './rule-tester.js';

const TITLE = 'Rail strike cancels most trains on Friday';
const S1 = 'The union said talks with the rail operator had broken down on Wednesday evening without any new offer.';
const S2 = 'Passengers have been told to travel only if their journey is necessary and to check the timetable first.';
const S3 = 'A spokesperson for the operator said it remained open to further talks with the union.';

function article(...paragraphs: string[]): string {
  return `${TITLE}\n\n${paragraphs.join('\n\n')}\n`;
}

/** A sentence and its copy with one word changed, made of words no other sentence here uses. */
const ORIGINAL = 'Alpha beta gamma delta epsilon omega eta theta iota kappa.';
const REWORDED = 'Alpha beta gamma delta epsilon zeta eta theta iota kappa.';

/** A long sentence opening with the reworded copy's first eight words: more word triples shared with it than the original has, yet not alike. */
function decoy(i: number): string {
  return `Alpha beta gamma delta epsilon zeta eta theta ${['red', 'blue', 'green', 'brown'][i]!} lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi${i}.`;
}

/**
 * A sentence holding the decoys' last three word triples ("delta epsilon zeta eta theta"), with
 * words of its own so that no two of them are alike: 61 of them make those triples common (in more
 * than 64 sentences), too common to point at a candidate.
 */
function commonTriples(i: number): string {
  const own = Array.from({ length: 12 }, (_, k) => `w${i}x${k}`).join(' ');
  return `Filler ${i} says delta epsilon zeta eta theta near ${own}.`;
}

/** A restatement: the same five-word opening and half the words, told again. */
const STATED = 'It was the eighth time during the long dispute that the union has used its veto power on the rail board to block the plan.';
const RESTATED = 'It was the eighth time that the drivers union has used its veto power at the national rail board to stop action directed at its members.';

/** Sentences of twelve and ten words, for the texts of few words. */
const DEPOT = 'Workers at the northern depot voted on Monday to reject the offer.';
const RESUME = 'Rail services across the region will resume on Saturday morning.';

/** A sentence and its copy with one word changed, for the text of many words. */
const SPUN_ORIGINAL = 'Harbour cranes stood idle while dockers gathered outside the gates before dawn.';
const SPUN_COPY = 'Harbour cranes stood still while dockers gathered outside the gates before dawn.';

/** `count` distinct made-up words ("qaab", "qaac", ...), in sentences of ten. */
function manyWords(count: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const word = (i: number): string => `q${letters[Math.floor(i / 17576) % 26]}${letters[Math.floor(i / 676) % 26]}${letters[Math.floor(i / 26) % 26]}${letters[i % 26]}`;
  const sentences: string[] = [];
  for (let i = 0; i < count; i += 10) sentences.push(`${Array.from({ length: Math.min(10, count - i) }, (_, k) => word(i + k)).join(' ')}.`);
  return sentences.join(' ');
}

/** A headline, `original`, a sentence, and `copy` last: under 64 distinct words when the two are short sentences. */
function shortArticle(original: string, copy: string): string {
  return `Depot vote on pay\n\n${original}\n\nNobody from the operator answered calls on Tuesday.\n\n${copy}\n`;
}

ruleTester('near-duplicate', {
  valid: [
    { name: 'different sentences', text: article(S1, S2, S3) },
    {
      name: 'the same question put to three people, each with a different answer (structure, not repetition)',
      text: article(
        'We asked three drivers how the strike would affect them.',
        'Anna Berg, driver for twelve years',
        'What do you expect from the talks?',
        'I expect the operator to come back with a fair offer before the summer.',
        'Jonas Weil, driver for three years',
        'What do you expect from the talks?',
        'Honestly, I expect nothing until the regional elections are over.',
        'Mira Sato, driver for twenty years',
        'What do you expect from the talks?',
        'I have seen five strikes like this one, and every one ended with a compromise.',
      ),
    },
    {
      name: 'sentences built alike but about different things',
      text: article('The first school, in Millbrook, opened on Monday with 240 pupils and twelve teachers.', 'The second school, in Stonefield, opened on Tuesday with 310 pupils and fifteen teachers.'),
    },
    {
      name: 'the same question about two parties the article names, each answered in turn',
      text: article(S1, 'Did the union agree to meet again?', 'The union said it would answer within a week.', 'Did the operator agree to meet again?', S3),
    },
    { name: 'short repeated answers are not duplication', text: article('Did the union agree to meet again?', 'Yes.', 'Will the drivers strike again in May?', 'Yes.') },
    { name: 'a sentence that shares a long phrase but says something else', text: article(S1, 'The union said talks with the city council had gone well and that a new bus timetable was agreed.') },
    { name: 'a one-word change when the threshold asks for identical sentences', text: article(S1, S2, S1.replace('talks', 'negotiations')), options: { similarity: 1 } },
    {
      name: 'a post embedded in the article, signed, repeating what the article quotes',
      text: article(`"${S3}" the statement said.`, S2, `${S3} #railstrike`, '— Rail Operator (@railop) March 3, 2024'),
    },
    {
      name: 'two posts of one account, each signed alike: the signature is structure',
      text: article(S1, `${S3} #railstrike`, '— Rail Operator (@railop) March 3, 2024', S2, 'Trains will run again on Saturday morning. #railstrike', '— Rail Operator (@railop) March 3, 2024'),
    },
    {
      name: 'a post of two lines in one block, signed below it, repeating what the article quotes',
      text: article(`"${S3}" the statement said.`, S2, `${S3}\nMore updates to follow. #railstrike`, '— Rail Operator (@railop) March 3, 2024'),
    },
    { name: 'an embedded post ending in its link', text: article(`"${S3}" the statement said.`, S2, `${S3} pic.twitter.com/abc123`) },
    {
      name: 'a heading restated as the first sentence of a recap, far below it',
      text: article('1. Tell the union early about every planned change', S1, S2, S3, 'In short:', 'Tell the union early about every planned change. Talks go better that way.'),
    },
    { name: 'a heading restated as the first sentence of its section', text: article(S1, '1. Check the timetable first', 'Check the timetable first. The operator updates it every evening at six.') },
    {
      name: 'a sentence said again in the middle of a later paragraph, with more of the writer\'s text after it',
      text: article(S1, S2, `The talks resume next week. ${S1} Nobody expects a deal before May.`),
    },
    {
      name: 'three list lines that each repeat part of the sentence announcing them (a list, not copies)',
      text: article(
        'The plan asks the operator to widen the harbour road for heavy lorries, to repair the old sea wall before winter, and to reopen the north pier.',
        S2,
        '- widen the harbour road for heavy lorries',
        '- repair the old sea wall before winter',
      ),
    },
    {
      name: 'part of an earlier sentence written again as a heading, its first word capitalised',
      text: article('This short guide explains how to choose a pair of running shoes for long distances.', S2, 'How to choose a pair of running shoes', 'Start with the fit: a shoe should hold the heel without pressing on the toes.'),
    },
    {
      name: 'a sentence of the writer\'s that ends on a phrase an earlier one used',
      text: article('The union said it would strike in order to protect the pay of the drivers and guards.', S2, 'We must act now in order to protect the pay of the drivers and guards.'),
    },
    {
      name: 'a short phrase after an abbreviation\'s period, shared with an earlier sentence, is too short to be a copy',
      text: article('The council will vote on the plan at its meeting in May.', S2, 'The vote was set for Tuesday at 9 a.m. at its meeting in May.'),
    },
    {
      name: 'sentences alike but for a number replaced by another (different facts)',
      text: article('Ticket prices on the island ferry rose 3% in the spring, the operator said.', S2, 'Ticket prices on the island ferry rose 4% in the spring, the operator said.'),
    },
    {
      name: 'one number replaced and one left out: still a different fact',
      text: article('Fares rose 3% in March and 5% in April on every route, the operator said on Monday.', S2, 'Fares rose 4% in March on every route, the operator said on Monday.'),
    },
    {
      name: 'a heading taken up by a longer line that goes on after it (it says more)',
      text: article('Harbour Road Lorry Ban: What It Means for You', S2, 'Harbour Road Lorry Ban: What It Means for You and Your Street'),
    },
    {
      name: 'a sentence restating a copy of the headline (the headline is repeated-title\'s, the sentence is the opening)',
      text: [
        'Rail strike cancels most trains on Friday as talks with the operator break down',
        'Rail strike cancels most trains on Friday as talks with the operator break down | Rail News',
        'Rail strike cancels most trains on Friday, the union said after its talks with the operator broke down again.',
        S2,
      ].join('\n\n'),
    },
    {
      name: 'a repeat is compared with the four earlier sentences sharing most word triples with it, and no more',
      text: article(ORIGINAL, decoy(0), decoy(1), decoy(2), decoy(3), REWORDED),
    },
    { name: 'two short sentences with one opening are not a restatement', text: article('The union has used its veto power again today.', S2, 'The union has used its veto power on the board.') },
    {
      name: 'a short sentence found again at the end of a line is not taken for a glued copy',
      text: article('The ferry is back in service now.', S2, 'Harbour news from the quay and the town hall today The ferry is back in service now'),
    },
    { name: 'a sentence of five words with one changed: shorter than six words, compared exactly only', text: article('The strike is on today.', S2, 'The strike is on tonight.') },
    {
      name: 'two lists sharing items (the features of two kettles) are lists, not copies',
      text: article(
        'Two kettles for a small kitchen were tested this month.',
        ['Boils a full jug in under three minutes', 'Switches itself off when the water boils', 'Holds one and a half litres'].join('\n'),
        'The second kettle is quieter and a little smaller.',
        ['Boils a full jug in under three minutes', 'Switches itself off when the water boils', 'Holds one litre'].join('\n'),
      ),
    },
    {
      name: 'a card names its item above its list and again under it, before the price',
      text: article(
        'These are the kettles our readers bought most this month.',
        'Harbour Steel Kettle, 1.5 litres – Silver',
        ['Boils a full jug in under three minutes', 'Switches itself off when the water boils', 'A filter that keeps out scale'].join('\n'),
        'Harbour Steel Kettle, 1.5 litres - Silver',
        '£39.99',
      ),
    },
    { name: 'a sentence of 300,000 words (its codes are made in chunks)', text: article(`${Array.from({ length: 300_000 }, (_, i) => `w${i.toString(36)}`).join(' ')}.`) },
  ],
  invalid: [
    {
      // Folding numbers words the text did not hold ("ﬁnal" is "final"): they get codes too.
      name: 'a repeat written with a ligature, whose folded words are new to the text',
      text: article(S1, 'The ﬁnal ofﬁcial oﬀer was ﬁled late on Thursday night by the negotiators.', S2, 'The ﬁnal ofﬁcial oﬀer was ﬁled late on Thursday night by the negotiators!'),
      removed: ['The ﬁnal ofﬁcial oﬀer was ﬁled late on Thursday night by the negotiators!'],
      related: ['The ﬁnal ofﬁcial oﬀer was ﬁled late on Thursday night by the negotiators.'],
    },
    {
      name: 'with three such sentences the original is among the four compared, and the repeat goes',
      text: article(ORIGINAL, decoy(0), decoy(1), decoy(2), REWORDED),
      removed: [REWORDED],
      related: [ORIGINAL],
    },
    {
      name: 'word triples found in more than 64 sentences are not counted: the decoys share fewer of the rest than the original, and the repeat goes',
      text: article(ORIGINAL, decoy(0), decoy(1), decoy(2), decoy(3), ...Array.from({ length: 61 }, (_, i) => commonTriples(i)), REWORDED),
      removed: [REWORDED],
      related: [ORIGINAL],
    },
    {
      name: 'a question asking about three other things than an earlier one is a copy, not the same question put twice',
      text: article(S1, 'Did the union and the drivers agree to meet the operator again?', 'The union said it would answer within a week.', 'Did the operator and the passengers agree to meet the council again?', 'The drivers and the passengers and the council spoke.', S3),
      removed: ['Did the operator and the passengers agree to meet the council again?'],
    },
    { name: 'a restatement: same opening, half the words, said again', text: article(STATED, S2, RESTATED), removed: [RESTATED], reason: /restates/ },
    {
      name: 'a signature three lines below a repeat does not make it part of a post',
      text: article(S1, S2, S1, 'Trains will run again on Saturday.', 'Buses replace trains on two lines.', 'Check the website for updates.', '— Rail Operator (@railop) March 3, 2024'),
      removed: [S1],
    },
    {
      name: 'a list item said again as its own paragraph, beside no list, is a copy',
      text: article(['Boils a full jug in under three minutes', 'Switches itself off when the water boils', 'Holds one and a half litres'].join('\n'), S2, 'Boils a full jug in under three minutes'),
      removed: ['Boils a full jug in under three minutes'],
    },
    {
      name: 'a name said again with a sentence between, not a list, is a copy',
      text: article('Harbour Steel Kettle, 1.5 litres – Silver', S2, 'Harbour Steel Kettle, 1.5 litres - Silver', '£39.99'),
      removed: ['Harbour Steel Kettle, 1.5 litres - Silver'],
    },
    {
      name: 'an exact repeat as its own paragraph',
      text: article(S1, S2, S1),
      removed: [S1],
      related: [S1],
      reason: /repeats/,
      output: article(S1, S2),
    },
    {
      name: 'a repeat glued to the end of a later paragraph: only that sentence goes',
      text: article(S1, `${S3} ${S1}`),
      removed: [S1],
      output: article(S1, S3),
    },
    {
      name: 'a repeat with a word added, glued to a heading without terminal punctuation: the heading stays',
      text: article(S1, S2, `Talks at an end ${S1.replace('without any', 'without really any')}`),
      removed: [S1.replace('without any', 'without really any')],
      output: article(S1, S2, 'Talks at an end'),
    },
    {
      name: 'a repeat glued after the link of an embedded post is no part of the post',
      text: article(S1, S2, `Strike day again pic.twitter.com/abc123 ${S1}`, '— Rail Fan (@railfan) March 3, 2024'),
      removed: [S1],
    },
    {
      name: 'a repeat differing in case, quotes and spacing',
      text: article(S1, S2, S1.toUpperCase().replace(/ /g, '  ')),
      removed: [S1.toUpperCase().replace(/ /g, '  ')],
    },
    { name: 'a repeat with typographic quotes and apostrophes', text: article("The operator's offer was 'not serious', the union said on Thursday evening.", S2, 'The operator’s offer was ‘not serious’, the union said on Thursday evening.'), removed: ['The operator’s offer was ‘not serious’, the union said on Thursday evening.'] },
    {
      name: 'a repeat with one word substituted',
      text: article(S1, S2, S1.replace('talks', 'negotiations')),
      removed: [S1.replace('talks', 'negotiations')],
      reason: /other words/,
    },
    { name: 'a repeat with one word dropped', text: article(S1, S2, S1.replace(' new', '')), removed: [S1.replace(' new', '')] },
    { name: 'a repeat with one word added at its end', text: article(S1, S2, S1.replace('offer.', 'offer yet.')), removed: [S1.replace('offer.', 'offer yet.')] },
    { name: 'a repeat with one word inserted', text: article(S1, S2, S1.replace('any new', 'any new or better')), removed: [S1.replace('any new', 'any new or better')] },
    {
      name: 'a truncated copy: the first words of an earlier sentence, cut short',
      text: article(S1, S2, 'The union said talks with the rail operator had broken down on Wednesday'),
      removed: ['The union said talks with the rail operator had broken down on Wednesday'],
      reason: /truncated/,
    },
    {
      name: 'a question repeated with a word the article does not otherwise use: a spun copy',
      text: article(S1, 'Did the union agree to meet again?', S2, 'Did the union consent to meet again?'),
      removed: ['Did the union consent to meet again?'],
    },
    { name: 'two sentences repeated: each goes once', text: article(S1, S2, S3, `${S2} ${S1}`), removed: [S2, S1], output: article(S1, S2, S3) },
    {
      name: 'a short one-word change goes when the threshold allows it',
      text: article('Drivers say the strike will go ahead.', S2, 'Drivers said the strike will go ahead.'),
      options: { minDuplicateWords: 6, similarity: 0.8 },
      removed: ['Drivers said the strike will go ahead.'],
    },
    {
      name: 'the end of an earlier sentence standing alone',
      text: article('Shares in the ferry company fell after its board approved a plan to sell two of the older boats.', S2, 'approved a plan to sell two of the older boats.'),
      removed: ['approved a plan to sell two of the older boats.'],
      related: ['Shares in the ferry company fell after its board approved a plan to sell two of the older boats.'],
      reason: /end or the middle/,
    },
    {
      name: 'the middle of an earlier sentence standing alone, without end punctuation',
      text: article('Shares in the ferry company fell after its board approved a plan to sell two of the older boats.', S2, 'company fell after its board approved a plan'),
      removed: ['company fell after its board approved a plan'],
      related: ['Shares in the ferry company fell after its board approved a plan to sell two of the older boats.'],
    },
    {
      name: 'a copy that leaves out a number: an edit, not another fact',
      text: article('A survey of 412 nurses found that most of them worked unpaid overtime last winter.', S2, 'A survey of nurses found that most of them worked unpaid overtime last winter.'),
      removed: ['A survey of nurses found that most of them worked unpaid overtime last winter.'],
      related: ['A survey of 412 nurses found that most of them worked unpaid overtime last winter.'],
    },
    {
      name: 'a copy that leaves out one of two numbers, the other kept in place',
      text: article('A survey of 412 nurses in 2023 found that most of them worked unpaid overtime.', S2, 'A survey of nurses in 2023 found that most of them worked unpaid overtime.'),
      removed: ['A survey of nurses in 2023 found that most of them worked unpaid overtime.'],
    },
    {
      name: 'a copy that adds a number: an edit too',
      text: article('The survey found that most nurses worked unpaid overtime during the winter months.', S2, 'The survey found that most nurses worked 60 unpaid overtime during the winter months.'),
      removed: ['The survey found that most nurses worked 60 unpaid overtime during the winter months.'],
    },
    {
      name: 'a cut-off copy of exactly the fewest words compared, far shorter than its original',
      text: article('The ferry will sail again in the spring once the harbour wall at Westport has been rebuilt by the county.', S2, 'The ferry will sail again in'),
      removed: ['The ferry will sail again in'],
      related: ['The ferry will sail again in the spring once the harbour wall at Westport has been rebuilt by the county.'],
      reason: /truncated/,
    },
    {
      name: 'the end of an earlier sentence after a sentence on its line (no boundary seen before a lower-case word): only the copy goes',
      text: article('Shares in the ferry company fell after its board approved a plan to sell two of the older boats.', S2, 'The talks resume next week. approved a plan to sell two of the older boats.'),
      removed: ['approved a plan to sell two of the older boats.'],
      related: ['Shares in the ferry company fell after its board approved a plan to sell two of the older boats.'],
    },
    {
      name: 'a sentence with a copy glued to its end, and a later copy of that sentence: two copies, not three sentences alike',
      text: article(
        'Shares in the ferry company fell after its board approved a plan to sell two of the older boats.',
        `${S1} approved a plan to sell two of the older boats.`,
        S1.replace(' new', ''),
      ),
      removed: ['approved a plan to sell two of the older boats.', S1.replace(' new', '')],
    },
    {
      name: 'a copy with two words swapped, glued to a heading without terminal punctuation',
      text: article(S1, S2, `Talks at an end ${S1.replace('broken down', 'down broken')}`),
      removed: [S1.replace('broken down', 'down broken')],
      output: article(S1, S2, 'Talks at an end'),
    },
    {
      name: 'a copy with its first words swapped, glued to a line without terminal punctuation: the line stays',
      text: article(S1, S2, `Talks at an end ${S1.replace('The union said', 'The said union')}`),
      removed: [S1.replace('The union said', 'The said union')],
      output: article(S1, S2, 'Talks at an end'),
    },
    {
      name: 'a copy with a word put in, opening on a name: it goes whole, the name is not cut in two',
      text: article('Anna Berg said the talks with the rail operator had failed on Wednesday evening.', S2, 'Anna Berg said the talks with the rail operator had really failed on Wednesday evening.'),
      removed: ['Anna Berg said the talks with the rail operator had really failed on Wednesday evening.'],
    },
    {
      name: 'a sentence said twice in a row on one line',
      text: article(S2, `${S1} ${S1} ${S3}`),
      removed: [S1],
    },
    {
      name: 'a copy set between an embedded post and its signature is no part of the post',
      text: article(S1, `Strike day again ${S3} pic.twitter.com/abc123`, S1, '— Rail Fan (@railfan) March 3, 2024'),
      removed: [S1],
    },
    {
      name: 'a copy set above the text of a signed post is no part of the post',
      text: article(S1, S2, S1, 'Strike day again, and the platforms are empty. #railstrike', '— Rail Fan (@railfan) March 3, 2024'),
      removed: [S1],
    },
    {
      name: 'a copy ending a paragraph above a paragraph that ends in a link',
      text: article(S1, `${S2} ${S1}`, 'The full statement is at https://example.com/strike'),
      removed: [S1],
    },
    {
      name: 'a copy that ends its paragraph after the writer\'s text',
      text: article(S1, S2, `The talks resume next week. ${S1}`),
      removed: [S1],
    },
    { name: 'a Japanese sentence repeated', text: '川沿いに自転車道が開通\n\n市は二十日、自転車道を開通させたと発表した。\n\n夜間は照明が点灯する。市は二十日、自転車道を開通させたと発表した。\n', removed: ['市は二十日、自転車道を開通させたと発表した。'] },
    { name: 'a repeat in CRLF text', text: article(S1, S2, S1).replace(/\n/g, '\r\n'), removed: [S1], output: article(S1, S2).replace(/\n/g, '\r\n') },
    // Each way of repeating, in a text of so few words that no two share a bit of a sentence's
    // mask: the quick test of a candidate (Units.mayRepeat) must let each of them through.
    ...[
      ['a truncated copy with its last word changed', 'Workers at the northern depot walked'],
      ['a truncated copy with its second word changed', 'Workers from the northern depot voted'],
      ['a truncated copy with its first word changed', 'Drivers at the northern depot voted'],
      ['a truncated copy with a word put before it', 'Yesterday workers at the northern depot'],
      ['a truncated copy without its first word', 'at the northern depot voted on'],
      ['a part copy of six words', 'depot voted on Monday to reject'],
    ].map(([name, copy]) => ({ name: `${name!}, in a text of few words`, text: shortArticle(DEPOT, copy!), removed: [copy!], related: [DEPOT] })),
    {
      name: 'a copy glued to a line, its last word changed, in a text of few words',
      text: shortArticle(RESUME, `Photo gallery of the empty station platforms ${RESUME.replace('morning', 'evening')}`),
      removed: [RESUME.replace('morning', 'evening')],
      reason: /glued/,
    },
    {
      // 56,056 distinct words before them: codes are given from 0x100 in the order words come, so
      // the two sentences' codes (0xdbfc-0xdc07) are surrogates, high ones then low ones, and in
      // each a high one followed by a low one reads as one code point.
      name: 'a copy with a word changed, among more distinct words than codes below the surrogates',
      text: shortArticle(`${manyWords(56_056)} ${SPUN_ORIGINAL}`, SPUN_COPY),
      removed: [SPUN_COPY],
      related: [SPUN_ORIGINAL],
      reason: /in other words/,
    },
    {
      // As many words as its original: a longer one holds the original's first words (as a glued
      // copy does), and a shorter one opens as it (as a truncated copy does).
      name: 'a restatement as long as its original, in a text of few words',
      text: shortArticle('It was the third time during the long dispute that the union has used its veto on the board to block the plan.', 'It was the third time that the drivers union has used its veto at the national board to stop action at its members.'),
      removed: ['It was the third time that the drivers union has used its veto at the national board to stop action at its members.'],
      reason: /restates/,
    },
  ],
});
