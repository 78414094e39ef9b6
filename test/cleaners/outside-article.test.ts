import { ruleTester } from './rule-tester.js';

const HEADLINE = 'Lighthouse keepers return to Skerry Point';

/** The body of a small article: six paragraphs of prose about one topic. */
const BODY = [
  'After twenty years of automatic operation, the lighthouse on Skerry Point will have keepers again from next spring, the harbour trust said on Monday.',
  'The trust plans to house two keepers in the restored cottages beside the lighthouse, where they will look after the lamp, the fog signal and the weather station.',
  'Volunteers have spent three summers repairing the cottages, replacing the slate roofs and rebuilding the walls that the winter storms had broken.',
  'Keepers were withdrawn from the point when the lamp was automated, and since then the lighthouse has been visited only twice a year by engineers.',
  'The harbour trust says that keepers on the point will also welcome visitors, who will be able to climb the tower on summer weekends.',
  'Applications for the two posts open in January, and the trust expects the first keepers to move into the cottages by the end of April.',
];

/** A site's header: menus, search, a sign-in link. */
const HEADER = ['Coastal Gazette', 'Home', 'News', 'Sport', 'Weather', 'Travel', 'Culture', 'Opinion', 'Podcasts', 'Search', 'Sign in', 'Subscribe'];

/** More of a site's menu. */
const SECTIONS = ['Business', 'Science', 'Health', 'Video'];

/** A site's footer. */
const FOOTER = ['About us', 'Contact', 'Advertise', 'Careers', 'Privacy policy', 'Terms of use', 'Cookie settings', '© 2024 Coastal Gazette'];

/** Other stories listed after the article: headline, author, time, one-sentence summary. */
const TEASERS = [
  ['Ferry timetable changes for the winter', 'Mara Lind', '2 hours ago', 'The island ferry will run four times a day from November instead of six, the operator has announced.'],
  ['New cycle path opens along the river', 'Tom Ashby', '5 hours ago', 'Cyclists can now ride from the old mill to the town centre without sharing the road with cars.'],
  ['Storm warning for the northern coast', 'Mara Lind', '8 hours ago', 'Forecasters expect gusts of up to ninety kilometres an hour on Thursday night along the northern coast.'],
];

/** A page: title line, header, the page's copy of the headline, a byline, the body, then `after`. */
function page(after: readonly string[]): string {
  return [`${HEADLINE} | Coastal Gazette`, '', ...HEADER, '', HEADLINE, 'By Ellen Ward', '', BODY.join('\n\n'), '', ...after, ''].join('\n');
}

const PAGE_HEAD = [...HEADER, HEADLINE, 'By Ellen Ward'];

const TEASER_LINES = ['More from Coastal Gazette', ...TEASERS.flat()];

const JAPANESE_MENU = ['港新聞', 'ホーム', 'ニュース', '政治', '経済', '国際', 'スポーツ', '天気', '旅行', '文化', '暮らし', '意見', '動画', '検索', 'ログイン', '購読'];

/** A comment section as a page dump lays it out: a count, then name, date and text per comment. */
const COMMENTS = [
  '3 comments',
  'harbourwatcher',
  '12 May 2024 at 09:14',
  'Good news for the point, the cottages were falling apart when I last walked there.',
  'seagull_sam',
  '12 May 2024 at 10:02',
  'I hope they keep the tower open in winter as well, it is the best view on the coast.',
  'Leave a comment',
];

ruleTester('outside-article', {
  valid: [
    { name: 'an article alone', text: `${HEADLINE}\n\n${BODY.join('\n\n')}\n` },
    {
      name: 'an article with a few stray lines around it: not a page',
      text: `${HEADLINE}\n\nShare this\n\n${BODY.join('\n\n')}\n\nRelated news\nAdvertisement\n`,
    },
    {
      name: "an article ending in its own long list: a text that starts with its article is not cut",
      text: `${HEADLINE}\n\n${BODY.join('\n\n')}\n\nThe keepers' duties:\n${['Lamp', 'Lens cleaning', 'Fog signal', 'Weather log', 'Radio watch', 'Tower tours', 'Cottage upkeep', 'Boat checks', 'Visitor book', 'Garden'].join('\n')}\n`,
    },
    {
      name: 'prose before the run is no page header: nothing is cut',
      text: [
        HEADLINE,
        '',
        ...TEASERS.flatMap((teaser) => [teaser[3], '']),
        ...TEASERS.flatMap((teaser) => [teaser[3]!.replace('.', ' again.'), '']),
        ...TEASERS.flatMap((teaser) => [teaser[3]!.replace('.', ' once more.'), '']),
        ...SECTIONS,
        '',
        HEADLINE,
        '',
        BODY.join('\n\n'),
        '',
        ...HEADER,
        ...FOOTER,
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'a page: header and menus before the article, teasers and footer after it',
      text: page([...TEASER_LINES, '', ...FOOTER]),
      removed: [...PAGE_HEAD, ...TEASER_LINES, ...FOOTER],
      // Each removal points at the article's first line (before it) or last line (after it).
      related: [...PAGE_HEAD.map(() => BODY[0]), ...[...TEASER_LINES, ...FOOTER].map(() => BODY[BODY.length - 1])],
      reason: /page (?:before|after) the article/,
      output: `${HEADLINE} | Coastal Gazette\n\n${BODY.join('\n\n')}\n`,
    },
    {
      name: "a page whose article has a subheading and a list: they stay with it",
      text: [
        `${HEADLINE} | Coastal Gazette`,
        '',
        ...HEADER,
        ...SECTIONS,
        '',
        HEADLINE,
        '',
        BODY.slice(0, 3).join('\n\n'),
        '',
        'What the keepers will do',
        '',
        'The lighthouse keepers will look after:',
        'the lamp and its lens',
        'the fog signal',
        'the weather station',
        '',
        BODY.slice(3).join('\n\n'),
        '',
        ...FOOTER,
        '',
      ].join('\n'),
      removed: [...HEADER, ...SECTIONS, HEADLINE, ...FOOTER],
    },
    {
      name: 'a comment section after the article',
      text: page([...COMMENTS, ...FOOTER]),
      removed: [...PAGE_HEAD, ...COMMENTS, ...FOOTER],
    },
    {
      name: 'a Japanese page (no spaces between words)',
      text: [
        '灯台に守り手が戻る | 港新聞',
        '',
        ...JAPANESE_MENU,
        '',
        '灯台に守り手が戻る',
        '',
        '二十年ぶりに、岬の灯台に来年の春から守り手が戻ると港の財団が月曜日に発表した。',
        '',
        '財団は灯台のそばの修復された小屋に二人の守り手を住まわせ、灯火と霧笛と気象観測を任せる計画だ。',
        '',
        'ボランティアは三年の夏をかけて小屋を修理し、冬の嵐で壊れた屋根と壁を直してきた。',
        '',
        '守り手の募集は一月に始まり、財団は四月末までに最初の守り手が小屋に移ると見込んでいる。',
        '',
        ...['会社概要', 'お問い合わせ', '広告掲載', '採用情報', 'プライバシー', '利用規約', 'サイトマップ', '© 2024 港新聞'],
        '',
      ].join('\n'),
      removed: [
        ...JAPANESE_MENU,
        '灯台に守り手が戻る',
        ...['会社概要', 'お問い合わせ', '広告掲載', '採用情報', 'プライバシー', '利用規約', 'サイトマップ', '© 2024 港新聞'],
      ],
    },
  ],
});
