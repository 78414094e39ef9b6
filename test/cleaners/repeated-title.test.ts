import { ruleTester } from './rule-tester.js';

const TITLE = 'Council approves new budget for the harbour';
const BODY = 'The city council approved the harbour budget on Tuesday after a long debate.';
const MORE = 'Work on the new quay walls will start in the spring.';

/** A first line of 41 words: too long for a headline. */
const LONG_FIRST_LINE = Array.from({ length: 41 }, (_, i) => `word${i}`).join(' ');

/** A first line that ends in a period, of 21 words: too long for a headline with a period. */
const LONG_PERIOD_LINE = `${Array.from({ length: 21 }, (_, i) => `harbour${i}`).join(' ')}.`;

ruleTester('repeated-title', {
  valid: [
    { name: 'a headline that occurs once stays', text: `${TITLE}\n\n${BODY}\n\n${MORE}\n` },
    { name: 'a body line that starts with the headline and goes on is not a copy', text: `${TITLE}\n\n${BODY}\n\n${TITLE} and for the old fish market, the mayor said.\n` },
    { name: 'the headline quoted inside a sentence stays', text: `${TITLE}\n\n${BODY}\n\nThe mayor said the headline "${TITLE}" was unfair to the port.\n` },
    { name: 'a line with the same words in another order is not a copy', text: `${TITLE}\n\n${BODY}\n\nNew budget for the harbour approves council\n` },
    {
      name: 'a site affix that would leave fewer than three words does not make a match ("Review: Joker" is not "Joker")',
      text: 'Review: Joker\n\nThe film opens in cinemas on Friday and runs for two hours.\n\nJoker\n',
    },
    { name: 'without a headline (a first line of prose) nothing is a title repeat', text: `${BODY} ${MORE}\n\nHarbour news\n\nHarbour news\n` },
    { name: 'a text that is only its headline keeps it', text: `${TITLE}\n` },
    {
      name: 'a line ending in a colon introduces what follows: not a copy, even of the headline without its affix',
      text: 'Harbour Quest 2 / Spring update\n\nThe game gets new levels this spring.\n\nHarbour Quest 2:\nforty new levels\na night mode\n',
    },
    { name: 'a first line of more than forty words is no headline, and its repeat no headline repeat', text: `${LONG_FIRST_LINE}\n\n${BODY}\n\n${LONG_FIRST_LINE}\n` },
    { name: 'a first line ending in a period, alone and over twenty words, is no headline (body only keeps it)', text: `${LONG_PERIOD_LINE}\n\n${BODY}\n`, options: { bodyOnly: true } },
    { name: 'a site name of more than six words is no affix: the line is not a copy', text: `${TITLE}\n\n${BODY}\n\n${TITLE} | The Harbour Gazette and Coastal Weekly News Online\n` },
  ],
  invalid: [
    {
      name: 'a short first line ending in a period, alone, is the headline (body only leaves it out)',
      text: `Ferry returns to the harbour after repairs.\n\n${BODY}\n`,
      options: { bodyOnly: true },
      removed: ['Ferry returns to the harbour after repairs.'],
    },
    {
      name: 'an exact later copy goes, the first stays',
      text: `${TITLE}\n\n${BODY}\n\n${TITLE}\n\n${MORE}\n`,
      removed: [TITLE],
      related: [TITLE],
      reason: /headline/,
      output: `${TITLE}\n\n${BODY}\n\n${MORE}\n`,
    },
    { name: 'copies straight after the headline go', text: `${TITLE}\n\n${TITLE}\n\n${TITLE}\n\n${BODY}\n`, removed: [TITLE, TITLE], output: `${TITLE}\n\n${BODY}\n` },
    { name: 'a copy in other case and spacing', text: `${TITLE}\n\n${BODY}\n\n  COUNCIL  APPROVES NEW   BUDGET FOR THE HARBOUR \n`, removed: ['COUNCIL  APPROVES NEW   BUDGET FOR THE HARBOUR'] },
    { name: 'a copy with a site suffix after a dash', text: `${TITLE}\n\n${TITLE} - Harbour Gazette\n\n${BODY}\n`, removed: [`${TITLE} - Harbour Gazette`] },
    { name: 'a copy with a site suffix after a bar', text: `${TITLE}\n\n${BODY}\n\n${TITLE} | Harbour Gazette\n`, removed: [`${TITLE} | Harbour Gazette`] },
    { name: 'a copy with a site prefix and a colon', text: `${TITLE}\n\n${BODY}\n\nHarbour Gazette: ${TITLE}\n`, removed: [`Harbour Gazette: ${TITLE}`] },
    { name: 'a copy in quotes with a full stop', text: `${TITLE}\n\n${BODY}\n\n“${TITLE}.”\n`, removed: [`“${TITLE}.”`] },
    { name: 'the headline given with a suffix, repeated without it', text: `${TITLE} | Harbour Gazette\n\n${BODY}\n\n${TITLE}\n`, removed: [TITLE], related: [`${TITLE} | Harbour Gazette`] },
    { name: 'a copy on a line inside a paragraph goes, the paragraph stays', text: `${TITLE}\n\n${BODY}\n${TITLE}\n${MORE}\n`, removed: [TITLE], output: `${TITLE}\n\n${BODY}\n${MORE}\n` },
    { name: 'a copy in CRLF text', text: `${TITLE}\r\n\r\n${BODY}\r\n\r\n${TITLE}\r\n`, removed: [TITLE], output: `${TITLE}\r\n\r\n${BODY}\r\n` },
    { name: 'a Russian headline with a site suffix after an em dash', text: 'В городе открыли новый каток\n\nКаток работает ежедневно.\n\nВ городе открыли новый каток — Городские новости\n', removed: ['В городе открыли новый каток — Городские новости'] },
    { name: 'a Japanese headline repeated', text: '川沿いに新しい自転車道が開通\n\n市は二十日、自転車道を開通させた。\n\n川沿いに新しい自転車道が開通\n', removed: ['川沿いに新しい自転車道が開通'] },
    {
      name: 'body only: the headline itself goes too',
      text: `${TITLE}\n\n${BODY}\n\n${TITLE}\n`,
      options: { bodyOnly: true },
      removed: [TITLE, TITLE],
      related: [undefined, TITLE],
      output: `${BODY}\n`,
    },
  ],
});
