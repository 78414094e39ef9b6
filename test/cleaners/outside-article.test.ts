import { describe, expect, it } from 'vitest';
import { clean, RULE_IDS } from '../../src/index.js';
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

/** Other stories listed after the article as a headline and its summary, nothing between them. */
const SHORT_TEASERS = TEASERS.flatMap(([headline, , , summary]) => [headline!, summary!]);

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

/** A gallery of three slides: number, caption, credit. */
const GALLERY = [
  '1/3', 'The lamp room before the repairs, its glass broken by a storm.', 'Photo: Harbour Trust',
  '2/3', 'Volunteers carry new slates up the cliff path from the landing stage.', 'Photo: Harbour Trust',
  '3/3', 'The restored cottages seen from the sea on a calm evening in June.', 'Photo: Harbour Trust',
];

/**
 * A story told in six slides. (Three captions are too few words of prose to say where the
 * article is: see the agenda page below, where nothing is cut.)
 */
const STORY_GALLERY = [
  ...GALLERY.map((line) => line.replace(/^(\d)\/3$/u, '$1/6')),
  '4/6', 'The new lamp arrives by boat and is winched up to the top of the tower.', 'Photo: Harbour Trust',
  '5/6', 'The first keepers in twenty years stand in front of the restored cottages.', 'Photo: Harbour Trust',
  '6/6', 'Visitors climb the tower on the first summer weekend after the repairs.', 'Photo: Harbour Trust',
];

/** A gallery whose captions start with their slide's position. */
const NUMBERED_CAPTIONS = [
  '1 of 3 The lamp room before the repairs, its glass broken by a storm.',
  '2 of 3 Volunteers carry new slates up the cliff path from the landing stage.',
  '3 of 3 The restored cottages seen from the sea on a calm evening in June.',
];

/** A comment thread: a dated head per comment, its text, a reply link. */
const THREAD = [
  'Your say',
  'Anna Weber says: 12.05.2024 at 09:14', 'Good news for the point, the cottages were falling apart when I last walked there.', 'Reply',
  'harbourwatcher says: 12.05.2024 at 10:02', 'I hope they keep the tower open in winter as well, it is the best view on the coast.', 'Reply',
  'Mia says: 13.05.2024 at 18:40', 'My grandfather was one of the last keepers there, and he told us a lot about it.', 'Reply',
];

/** An article whose second half is a list of tour dates, introduced by its own sentence. */
const TOUR = [
  'The Harbour Lights, the folk band from Skerry Point, will tour the coast this autumn to raise money for the lighthouse trust.',
  'The band said it would play in the old boat sheds and village halls where it started out twenty years ago, and that every ticket would help the keepers.',
  'Tickets go on sale on Friday, and the band will play these dates:',
  '12 September – Skerry Point, Boat Shed',
  '14 September – North Haven, Village Hall',
  '19 September – Gull Bay, Harbour Inn',
  '21 September – Eastcliff, Old Chapel',
  '26 September – Skerry Point, Lighthouse Lawn',
];

/** An offer about something else, as a page prints it under an article. */
const OFFER = 'Sign up for our weekly newsletter and get the best recipes, puzzles and special offers in your inbox every Friday.';

/** A list of the article's, each item holding the word of a one-word headline. */
const LIGHTHOUSES = ['Skerry Point lighthouses', 'Gull Bay lighthouses', 'Eastcliff lighthouses', 'Northhaven lighthouses'];

/** Replies under a line naming the headline, about the article's topic. */
const REPLIES = [
  'Keepers on the point will make the harbour safer for the fishing boats in winter storms.',
  'The cottages by the lighthouse were always the best place to watch the sea from the point.',
];

/** A paywall's offer and a byline between the article's lead and the rest of it. */
const PAYWALL = ['Ellen Ward', '12 May 2024', 'Subscribe to read more', 'Only 1 euro a month', 'Cancel any time', 'Already a subscriber? Log in'];

/**
 * A list of the site's most read stories after the article, headed by a copy of the article's
 * own headline: a long run of prose about other things, each line a summary.
 */
const MOST_READ = [
  'Most read',
  HEADLINE,
  'The town council has voted to close the old swimming baths at the end of the season, after engineers found cracks in the roof of the main hall.',
  'A bakery on the market square has won a national prize for its rye bread, which it has made to the same recipe for more than ninety years now.',
  'Rail passengers face delays all through March while the track between the junction and the city is replaced, the operator warned on Friday evening.',
  'The county library will open on Sunday afternoons from next month, after a survey found that many readers could not visit it during the working week.',
  'Farmers in the valley say that the dry spring has halved the first cut of hay, and several of them have already started to buy feed for the winter.',
  'A new play about the great flood of the last century opens at the town theatre next week, with a cast made up almost entirely of local amateurs.',
  'The football club has signed two young players from the academy of a larger club, hoping that they will help it avoid relegation this season.',
  'Residents of the east side have asked the council for a pedestrian crossing near the primary school, where cars often drive far too fast in the morning.',
  'The annual cheese market drew more visitors than ever this year, and several stalls had sold everything they brought before lunchtime on Saturday.',
  'A retired teacher has written a history of the parish church, drawing on letters and registers that had been kept in the vestry for two centuries.',
  'Shops in the high street report that sales before the holidays were lower than last year, which they blame on the roadworks and the cold weather.',
  'The hospital is looking for volunteers to drive patients from the outlying villages to their appointments, as the old minibus service has ended.',
  'Plans for a wind farm on the moor have been sent back to the developer, who must now show how the turbines would affect the nesting birds there.',
  'The brass band celebrates its hundredth year with a concert in the park, where it first played for the opening of the bandstand long ago.',
];

/** A table of contents between the article's lead and the rest of it, naming the headline again. */
const CONTENTS = ['Contents', HEADLINE, 'The cottages', 'The keepers', 'The visitors', HEADLINE];

/** A photo's caption, about the article's topic. */
const CAPTION = 'The lighthouse on Skerry Point and the two keepers\' cottages beside it, seen from the harbour on a calm morning.';

/** A page whose body is `middle` (paragraphs one per line, as page dumps set them). */
function pageOf(middle: readonly string[], after: readonly string[]): string {
  return [`${HEADLINE} | Coastal Gazette`, '', ...HEADER, '', HEADLINE, 'By Ellen Ward', '', ...middle, '', ...after, ''].join('\n');
}

/** A wiki's tools under its page, one-word links, printed with no blank line after the list above them. */
const PAGE_TOOLS = ['Edit', 'Tags', 'History', 'Files', 'Print', 'Rename', 'Help'];

/** Other stories' headlines, each a few words sharing none of the article's terms. */
const OTHER_HEADLINES = [
  'Bakery on Mill Street wins national prize',
  'School choir to sing at the county fair',
  'Council approves budget for new library roof',
  'Local runner sets record in the marathon',
  'Museum opens exhibition of old railway posters',
  'Farmers market moves to the town square',
];

/** Three more paragraphs of the article: with them its words are enough to tell what a line is about. */
const MORE_BODY = [
  'The cottages have thick stone walls, small windows facing the sea and a shared garden where the keepers can grow vegetables in the short summer.',
  'Engineers will keep the automatic lamp as a reserve, so that the lighthouse stays lit when the keepers are away or the power fails during a storm.',
  'Fishermen from the harbour welcomed the news, saying that keepers on the point would see boats in trouble long before any camera on the tower could.',
];

/** The keepers' method printed in the article: a number on its own line over each step. */
const STEPS = [
  '1.', 'The keepers climb the tower at dusk and check that the lamp and its lens are clean.',
  '2.', 'They wind the clockwork of the lens, light the lamp and note the time in the lighthouse log.',
  '3.', 'At dawn the keepers put out the lamp, draw the curtains round the lens and check the fog signal.',
];

/** A box of the site's links between two parts of the article. */
const LINK_BOX = [
  'Towns', 'Northhaven', 'Gull Bay', 'Eastcliff', 'Westmoor', 'Skerry', 'Harbourside', 'Millbrook', 'Saltmarsh', 'Fernhill',
  'Topics', 'Ferries', 'Fishing', 'Schools', 'Farming', 'Weddings', 'Obituaries', 'Planning', 'Courts', 'Council',
  'Services', 'Puzzles', 'Horoscopes', 'Newsletters', 'Archive', 'Events', 'Jobs', 'Homes', 'Motors', 'Notices',
];

/** The share bar a page of short pieces prints above each of them. */
const SHARE_BAR = 'Mail Chat Pin Save';

/**
 * Other pieces of a page of short messages, each alone between two copies of the share bar,
 * sharing some of the article's words; two are cut off where the link to the whole piece begins.
 */
const OTHER_PIECES = [
  'A lighthouse teaches patience to those who watch the sea, for the light turns every night whether a ship passes or not, and the keepers learn to wait for the …',
  'The old keepers of the point kept a diary of every storm, and in their short notes you can read how the winter wind broke the windows of the tower again and again.',
  'Walking to the end of the harbour wall at dusk and seeing the first flash of the lamp is the best way to end a summer day on the coast, and the visitors who come back every …',
  'Those who live by the sea know that the weather can change in an hour, and that a warm house with thick walls is worth more than a view from the cliff.',
];

/** Summaries of other stories, one under the other without a short line between them, each cut off where its link begins. */
const CUT_SUMMARIES = [
  'When the ferry to the islands stopped running for a week, the farmers on the far side of the bay had to …',
  'Three teams from the coast will play in the cup this spring, and the youngest of them hopes to …',
  'The council has asked the people of the old town what they would build on the empty market square if …',
];

/** A paragraph of the article that trails off, as a keeper's memory does. */
const TRAILING_PARAGRAPH = 'The last keeper of the lighthouse still remembers the winter nights in the lamp room, the wind at the windows and the long wait for the morning boat …';

/** An invitation to turn on alerts, a sentence under the summaries. */
const ALERTS_OFFER = 'Turn on the little bell at the bottom of the screen to hear of new stories as they break!';

/** Open evenings, a list whose items share no words with the article: only the sentence over it ties it to the article. */
const EVENINGS = [
  '12 September – Northhaven, Village Hall', '14 September – Gull Bay, Harbour Inn', '19 September – Eastcliff, Old Chapel', '21 September – Westmoor, Town Hall',
  '26 September – Millbrook, Corn Exchange', '28 September – Saltmarsh, Sailing Club', '3 October – Fernhill, Scout Hut', '5 October – Harbourside, Fish Market',
];

/** A sentence of the article that introduces {@link EVENINGS}. */
const EVENINGS_INTRO = 'To raise money for the keepers, the lighthouse trust will hold open evenings on these dates:';

/** What the keepers will look after, one or two words a line, as a recipe lists its ingredients. */
const KEEPERS_DUTIES = ['Lamp', 'Lens', 'Cottages', 'Fog signal', 'Weather station'];

/** A video's title and its line of summary, set as a heading over the article. */
const VIDEO_TITLE = ['Watch: the keepers light the lamp of the Skerry Point lighthouse', 'The harbour trust films the keepers in the lamp room'];

/** Links of the site, one word a line, sharing nothing with the article. */
const SITE_LINKS = ['Ferries', 'Fishing', 'Schools', 'Farming', 'Weddings', 'Courts', 'Council'];

/** A few lines of code and the sentences around them, as a tutorial prints them. */
const TUTORIAL = [
  'The harbour trust publishes the keepers\' weather log as a file that anyone can read with a short script.',
  'import csv',
  `title = "${HEADLINE}"`,
  'rows = list(csv.reader(open("weather_log.csv")))',
  'Each row of the log holds the time, the wind speed and the state of the sea that the keepers noted.',
  'for row in rows:',
  'print(row[0], row[1], row[2])',
  'The keepers will add a row every three hours, and the trust will publish the file at the end of each day.',
];

/** A short article: one paragraph, under the headline and its byline. */
const SHORT_LEAD = 'After twenty years of automatic operation, the lighthouse on Skerry Point will have keepers again when they return next spring, and two of them will live in the restored cottages beside the tower.';

/** A site's long footer menu. */
const LONG_FOOTER = [
  'About us', 'Contact', 'Advertise', 'Careers', 'Privacy policy', 'Terms of use', 'Cookie settings', 'Apps', 'Newsletters', 'Podcasts',
  'Weather', 'Traffic', 'Tickets', 'Shop', 'Help', 'Sitemap', 'Press', 'Partners', 'Imprint', '© 2024 Coastal Gazette',
];

/** A sign-in and registration form's messages: many short sentences, one printed twice. */
const ACCOUNT_FORM = [
  'Sign in to your account',
  'Please fill in all fields marked with a star.',
  'This email address does not look right, it must hold an @ and a domain that exists.',
  'There is no account for this email address, or the password is wrong.',
  'There is no account for this email address, or the password is wrong.',
  'Create a new account',
  'Please choose the name that others will see.',
  'Please enter an email address.',
  'This email address is already registered with us, perhaps you are signed in already?',
  'The password must be at least eight characters long.',
  'The password must hold at least one capital letter.',
  'The password must hold at least one small letter.',
  'The password must be at least eight characters long and hold a number.',
  'Sorry, the registration did not work, please check what you entered.',
  'Forgot your password?',
  'We will send you an email with a link that lets you choose a new password.',
  'The two passwords you entered are not the same, please try again.',
];

/** More of a site's footer links: with {@link LONG_FOOTER}, forty lines, more than {@link SHORT_LEAD} has words. */
const FOOTER_LINKS = [
  'Gazette on Facebook', 'Gazette on Instagram', 'Gazette on YouTube', 'Smart TV', 'Live streams', 'TV guide', 'Radio', 'Archive', 'Events', 'Jobs',
  'Classifieds', 'Obituaries', 'Puzzles', 'Reader offers', 'Corrections', 'Accessibility', 'Contact the newsroom', 'Media kit', 'Our journalism', 'Saved!',
];

/** A video player's notices: a paragraph of three sentences, printed once. */
const EMBED_NOTICE = [
  'The code to embed this video has been copied to your clipboard.',
  'Please note the terms of use of the Coastal Gazette.',
  'To understand how our website is used and to show you offers that suit you, we use cookies and similar tools.',
];

/** A sign-in form's messages, the one about a wrong password printed three times. */
const SIGN_IN_FORM = ['Sign in to your account', ACCOUNT_FORM[3]!, ACCOUNT_FORM[3]!, 'Create a new account', ACCOUNT_FORM[3]!];

/**
 * A page as the second reading sees it (the page's copies of the headline removed, its menu
 * above them cut): the headline, `above` the article's one paragraph, a video's labels, a long
 * footer menu and a form's messages.
 */
function shortArticlePage(above: readonly string[]): string {
  return [HEADLINE, '', ...above, '', SHORT_LEAD, '', '2 min', '12 May 2024', 'Video available until June', '', ...LONG_FOOTER, '', ...ACCOUNT_FORM, ''].join('\n');
}

/** The reasons `outside-article` gives for the lines of `text`, by line text. */
function reasons(text: string): Map<string, string> {
  const result = clean(text, { disable: RULE_IDS.filter((id) => id !== 'outside-article') });
  return new Map(result.removals.map((removal) => [text.slice(removal.span.start, removal.span.end), removal.reason]));
}

describe('outside-article names the kind of block it removes', () => {
  it('a gallery inside the article', () => {
    const found = reasons(pageOf([...BODY.slice(0, 3), ...GALLERY, ...BODY.slice(3)], [...TEASER_LINES, ...FOOTER]));
    for (const line of GALLERY) expect(found.get(line)).toBe('gallery inside the article');
    expect(found.get(HEADER[1]!)).toBe('page before the article: menu or link list');
  });

  it('a comment thread and a list of other stories', () => {
    const found = reasons(pageOf(BODY, [...THREAD, ...TEASER_LINES, ...FOOTER]));
    // Each comment's head and text (the reply links are one line, said three times).
    for (const line of THREAD.filter((_, i) => i % 3 !== 0)) expect(found.get(line)).toBe('page after the article: comment thread');
    expect(found.get(TEASERS[1]![3]!)).toBe('page after the article: list of other stories');
  });

  it('a list of other stories whose headlines are questions; a question as the article\'s subheading stays', () => {
    const questions = [
      'Will the old pier be saved?', 'The council will decide in March whether to repair the old pier or to pull it down.',
      'Who pays for the new cycle path?', 'Cyclists can now ride from the old mill to the town centre without sharing the road with cars.',
      'Will rain spoil the regatta?', 'Forecasters expect gusts of up to ninety kilometres an hour on Thursday night along the coast.',
    ];
    const subheading = 'Who will live in the cottages?';
    const found = reasons(pageOf([...BODY.slice(0, 3), subheading, ...BODY.slice(3)], ['More from Coastal Gazette', ...questions, ...SECTIONS, ...FOOTER]));
    for (const line of questions) expect(found.get(line)).toBe('page after the article: list of other stories');
    expect(found.has(subheading)).toBe(false);
  });

  it('a credit between two paragraphs, and a note on the author after the article', () => {
    const credit = 'Ellen Ward/Harbour Trust';
    const note = 'Ellen Ward reports on village life for the paper and has written two books of walks.';
    const found = reasons(pageOf([...BODY.slice(0, 3), credit, ...BODY.slice(3), ...MORE_BODY, note], [...TEASER_LINES, ...FOOTER]));
    expect(found.get(credit)).toBe('credit or label inside the article');
    expect(found.get(note)).toBe('page after the article: note on the author');
  });

  it('a caption ending in its credit', () => {
    const found = reasons(pageOf([...BODY.slice(0, 3), CREDITED_CAPTION, ...BODY.slice(3), ...MORE_BODY], [...TEASER_LINES, ...FOOTER]));
    expect(found.get(CREDITED_CAPTION)).toBe('caption inside the article');
  });

  it('a note on the author under a heading that names her', () => {
    const note = 'She writes about the coast for the paper and has published two books of walks near the lighthouse.';
    const found = reasons(pageOf([...BODY, ...MORE_BODY, 'About Ellen Ward', note], [...TEASER_LINES, ...FOOTER]));
    expect(found.get('About Ellen Ward')).toBe('page after the article: note on the author');
    expect(found.get(note)).toBe('page after the article: note on the author');
  });

  it('a box of links between two parts of the article', () => {
    const found = reasons(pageOf([...BODY.slice(0, 3), ...LINK_BOX, ...BODY.slice(3), ...MORE_BODY], [...TEASER_LINES, ...FOOTER]));
    expect(found.get(LINK_BOX[3]!)).toBe('menu or link list inside the article');
    expect(found.has(BODY[4]!)).toBe(false);
  });

  it("the page's one-word links right under a list of other stories: a menu of their own", () => {
    // Each line set apart, as a whole-page dump sets them, so nothing but the lines' length falls at "Edit".
    const lines = [`${HEADLINE} | Coastal Gazette`, ...HEADER, HEADLINE, 'By Ellen Ward', ...BODY, ...OTHER_HEADLINES, ...PAGE_TOOLS, ...FOOTER];
    const found = reasons(`${lines.join('\n\n')}\n`);
    for (const line of OTHER_HEADLINES) expect(found.get(line)).toBe('page after the article: list');
    for (const line of PAGE_TOOLS) expect(found.get(line)).toBe('page after the article: menu or link list');
  });

  it('a list of the site\'s other posts on the same subject, a link under each summary, closing the text', () => {
    // The summaries share the article's words (a blog writes on one subject): only the link said under each tells.
    const posts = [
      'Keep reading',
      'The lamp room glass',
      'Volunteers replaced the broken glass of the lamp room at the lighthouse on Skerry Point after the winter storm. The harbour trust paid for the glass, and the keepers of the lighthouse will clean it every week.',
      'Read more',
      'Cottages for the keepers',
      'The harbour trust restored the two cottages beside the lighthouse for the keepers who return in spring. The volunteers rebuilt the walls and the slate roofs of the cottages on the point.',
      'Read more',
      'A fog signal again',
      'The fog signal on Skerry Point sounds again, and the keepers of the lighthouse will look after it. The harbour trust says the signal will warn boats in the fog on the point.',
      'Read more',
      'Visitors on the tower',
      'Visitors to Skerry Point will climb the lighthouse tower on summer weekends, the harbour trust said. The keepers will welcome visitors at the cottages beside the lighthouse.',
      'Read more',
    ];
    const found = reasons(pageOf([...BODY, ...MORE_BODY], posts));
    for (const line of posts.filter((_, i) => i % 3 !== 0)) expect(found.get(line)).toBe('page after the article: list of other stories');
    expect(found.has(MORE_BODY.at(-1)!)).toBe(false);
  });

  it('the article\'s own sections, each a heading over one paragraph, set apart by a rule printed between them, stay', () => {
    const sections = [
      'THE LAMP ROOM', `${MORE_BODY[0]} ${BODY[2]}`, '___',
      'THE COTTAGES', `${MORE_BODY[1]} ${BODY[4]}`, '___',
      'THE FOG SIGNAL', `${MORE_BODY[2]} ${BODY[5]}`, '___',
    ];
    const found = reasons(pageOf([...BODY.slice(0, 4), ...sections], FOOTER));
    for (const line of sections.filter((_, i) => i % 3 !== 2)) expect(found.has(line)).toBe(false);
  });

  it('a label printed now and then over a list that ends the article is no link under each of its items', () => {
    const items = [
      'The lamp room glass',
      'Volunteers replaced the broken glass of the lamp room at the lighthouse on Skerry Point after the winter storm. The harbour trust paid for the glass, and the keepers of the lighthouse will clean it every week.',
      'Cottages for the keepers',
      'The harbour trust restored the two cottages beside the lighthouse for the keepers who return in spring. The volunteers rebuilt the walls and the slate roofs of the cottages on the point.',
      'A fog signal again',
      'The fog signal on Skerry Point sounds again, and the keepers of the lighthouse will look after it. The harbour trust says the signal will warn boats in the fog on the point.',
      'Visitors on the tower',
      'Visitors to Skerry Point will climb the lighthouse tower on summer weekends, the harbour trust said. The keepers will welcome visitors at the cottages beside the lighthouse.',
    ];
    const more = [
      'Boats for the keepers',
      'The keepers of the lighthouse will have a small boat to reach the harbour, the harbour trust said. Volunteers repaired the old slipway on the point for the boat.',
      'A garden by the cottages',
      'The keepers may grow vegetables in the garden beside the cottages on Skerry Point in summer. The volunteers of the harbour trust cleared the garden of stones.',
    ];
    // "Photos" over three of the six items: a label, not a link under each.
    const list = [...items.slice(0, 2), 'Photos', ...items.slice(2, 4), 'Photos', ...items.slice(4), ...more, 'Photos'];
    const found = reasons(pageOf([...BODY, ...list], []));
    for (const line of [...items, ...more]) expect(found.has(line)).toBe(false);
  });

  it('a list of other stories as headlines and summaries only', () => {
    const found = reasons(pageOf(BODY, ['More from Coastal Gazette', ...SHORT_TEASERS, ...FOOTER]));
    for (const line of SHORT_TEASERS) expect(found.get(line)).toBe('page after the article: list of other stories');
  });
});

/** A table of contents: the article's sections, named again as its subheadings. */
const TOC_ITEMS = ['The cottages', 'The tower', 'Night duty', 'Stormy weather', 'Handing over'];

/** The article's last three sections: steps under their subheadings, in words of their own. */
const DUTIES = [
  ...[TOC_ITEMS[2]!, 'light up at dusk and wind the clockwork', 'check the flame every second hour', 'write the readings into the log', 'put out the light at dawn'],
  ...[TOC_ITEMS[3]!, 'close every shutter on the seaward side', 'start the horn when the far buoy goes out of sight', 'call the coastguard on channel sixteen', 'stay inside until the wind drops'],
  ...[TOC_ITEMS[4]!, 'sign the log', 'show what needs mending', 'hand over the keys'],
];

/** A photo's caption that ends in its credit, in brackets. */
const CREDITED_CAPTION = "The keepers' cottages seen from the harbour on a calm morning. (Photo: Harbour Trust)";

/** Captions whose credit is a copyright after them, or an agency's short name after their sentence. */
const OTHER_CAPTIONS = ['Volunteers carry new slates up the cliff path | © Ellen Ward', 'The lamp room lit for the first time in twenty years. AFP'];

/** A sentence of the article that ends in a colon and a clause: no credit, for it ends a sentence. */
const COLON_SENTENCE = 'The chairman of the trust put it in a few words. His answer: Keepers on the point again.';

/** A long paragraph of the article ending in its source: a paragraph, not a caption. */
const SOURCED_PARAGRAPH = `${BODY[0]} ${BODY[1]} ${BODY[2]} Source: Harbour Trust`;

/** An offer standing alone under the article's last paragraph, naming some of its words. */
const LONE_OFFER = 'Never miss a story about the lighthouse and the keepers: sign up for our free letter every Friday.';

/** A last sentence standing alone that holds most of the topic's words: the article's own. */
const LONE_LAST_WORD = 'The keepers will move into the restored cottages beside the lighthouse on Skerry Point in April.';

/** A last paragraph standing alone, longer than an offer, about someone the article has not named. */
const LONE_LAST_PARAGRAPH = 'Jonas Pell, who runs the bakery by the harbour, said that he would bake bread for the keepers every morning, as his grandfather did for the last keepers forty years ago.';

/** An invitation at the article's end that shares one of its words, too few to be about it. */
const APP_OFFER = 'Download our free app for the latest photos from the harbour every single morning and evening.';

/** A comment form under an article. */
const COMMENT_FORM = ['Leave a comment', 'Name (required)', 'Email (required)', 'Website', 'Post comment'];

/** A heading and the first item of the article's numbered list, with the start of its text, as a page's layout sets them apart above the rest. */
const NUMBERED_START = ['What the keepers promise', '1. A light every night.', 'Whatever the weather at sea,'];

/** The site's most read stories, numbered. */
const NUMBERED_STORIES = ['Most read', '1. Ferry timetable changes for the winter', '2. New cycle path opens along the river', '3. Storm warning for the northern coast'];

/** The article's last sentence, ending in a colon. */
const READ_MORE_INTRO = 'The trust has put together what it will ask of the keepers:';

/** A paywall's prompt under the article's last paragraph, ending in a colon, and its offers. */
const PAYWALL_INTRO = 'Pick a plan and keep reading:';
const PAYWALL_OFFERS = ['Digital pass', 'Every story on the site', 'First month free', 'Print and digital', 'The paper at your door on Saturdays'];

/** The article's last paragraph: two sentences, the last ending in a colon. */
const TWO_SENTENCE_INTRO = 'We asked the trust what the keepers will be paid. It would only say this much:';

/** A site's box of links run on into its contacts, each line of its own shape: nothing of the article. */
const SITE_BOX = ['Volunteer with the Gazette', 'Our shop opens at nine on weekdays', '+44 1632 960 123', 'Write to the editors', 'Jobs: two openings in the newsroom', 'Buy a photo print'];

/** The article's own points, each line of its own shape, sharing its words. */
const OWN_POINTS = ['Two keepers living in the restored cottages', 'The lamp, the fog signal and the weather station', 'Visitors climbing the tower on summer weekends', 'Applications for both posts in January'];

/** A blog's few closing lines under a post: none of them about the post. */
const BLOG_FOOTER = ['Comments are closed.', 'Back to top', 'Theme by Studio Nine', 'Powered by a blog engine', 'Licensed under a free licence'];

/** A box of links to related stories under the article: headlines that share its words. */
const RELATED_LINKS = [
  'More on the lighthouses',
  'Storm damage at the Gull Bay lighthouse',
  'New lamp for the Eastcliff tower',
  'Harbour trust buys the old cottages',
  'Keepers remember the winter of the great storm',
  'Visitors flock to the lighthouse tower',
  'Fog signal at the point to be restored',
];

/** A newsletter's offer, a sentence standing alone under the box of related links. */
const LETTER_OFFER = 'Our weekly letter brings the news from the harbour to your inbox every Friday morning.';

/** The article's own list of seven items, which its last paragraph introduces. */
const KEEPERS_CARE = ['The lamp and its lens', 'The fog signal', 'The weather station', 'The radio watch', 'The visitor book', 'The cottage garden', 'The landing stage'];

/** The article's own table of facts, sharing its words. */
const LIGHTHOUSE_FACTS = ['Lighthouse tower: 38 metres', 'Lamp range: 18 miles', 'Keepers in the cottages: 2', 'Restored cottages: 3', 'Lighthouse built: 1871', 'Lamp automated: 2004'];

/** A page whose menu holds a label about the article's topic that the page prints again under the article, before a few closing lines. */
function labelledPage(label: string | undefined): string {
  const menu = label === undefined ? [...HEADER, ...SECTIONS] : [...HEADER, ...SECTIONS, label];
  return [`${HEADLINE} | Coastal Gazette`, '', ...menu, '', HEADLINE, 'By Ellen Ward', '', BODY.join('\n\n'), '', 'Lighthouse stories', 'Back to top', 'Terms of use', ''].join('\n');
}

/** The opening sentences of the article's first paragraph, a scene that shares none of its words. */
const LEDE = ['It was a cold and grey morning at the end of March.', 'Nobody waiting on the quay for the first boat expected any news that day.'];

/** A deck: the article summed up under its headline, without a full stop. */
const DECK = 'The harbour trust wants two keepers in the restored cottages beside the lighthouse by next spring';

/** A deck over the article's first paragraph, printed without a full stop. */
const UNSTOPPED_DECK = 'Two keepers will live in the restored cottages beside the lamp from the spring';

/** A credit under the article's last paragraph, printed without a full stop: ten words. */
const UNSTOPPED_CREDIT = 'Additional reporting by Mara Lind and Tom Ashby for desks';

/** A line as long and as wordy, but for one word: a related story's headline, as like as not. */
const SHORT_UNSTOPPED = 'Reporting by Mara Lind and Tom Ashby for desks';

/** A line as long and as wordy, but starting in lower case, as a byline does. */
const LOWER_UNSTOPPED = 'by Mara Lind and Tom Ashby for the weekend desk of the paper';

/** Still more of the article's prose: with {@link BODY} and {@link MORE_BODY}, a long post a blog prints with little around it. */
const LAST_BODY = [
  'The lamp itself dates from the year the tower was built, and the trust has asked a workshop in the harbour town to clean and polish its lenses.',
  'Visitors who climb the tower will see the lamp room, the old logbooks of the keepers and the brass instruments that measured the wind and the rain.',
  'The weather station on the point sends its readings to the coastguard every hour, and the keepers will check the instruments every morning.',
  'The trust has also promised to reopen the path along the cliffs, which was closed after a landslide three winters ago.',
  'Walkers will be able to follow the path from the harbour to the lighthouse, passing the old boat sheds and the seal colony on the rocks below.',
  'Money for the repairs came from a lottery grant, from the county council and from hundreds of small gifts sent by people who grew up near the point.',
  'The trust says that it will publish the accounts of the repairs every year, so that those who gave money can see how it was spent.',
  'The last keeper to live on the point, who left when the lamp was automated, has offered to train the new keepers during their first winter.',
  'He said that the work is lonely in winter but that no job on the coast gives a better view of the storms coming in from the west.',
  'Children from the village school have painted a mural of the lighthouse for the hall where the new keepers will be welcomed in the spring.',
  'The trust will hold an open day at the cottages in March, when anyone who wants to apply for the posts can see where the keepers will live.',
];

/** The labels closing a blog's post: its tags, a link to more by its author, the site's credit. */
const CLOSING_LABELS = ['Tags: lighthouse, harbour trust', 'More posts by Ellen Ward', '© 2024 Harbour Notes'];

/**
 * A post on a blog with little around it (no page by `isPage`): the blog's name and `head` above the post's
 * headline, the post, then `after`.
 */
function blogPost(head: readonly string[], after: readonly string[]): string {
  return [`${HEADLINE} | Harbour Notes`, '', 'Harbour Notes', ...head, '', HEADLINE, '', [...BODY, ...MORE_BODY, ...LAST_BODY].join('\n\n'), '', ...after, ''].join('\n');
}

ruleTester('outside-article', {
  valid: [
    { name: 'a post with the labels closing it but only the blog\'s name above its headline is no page: nothing goes', text: blogPost([], CLOSING_LABELS) },
    {
      name: 'the labels before a sentence that closes a post with little around it stay: what stands before its last sentence may be its own',
      text: blogPost(['Archive'], [...CLOSING_LABELS, 'Comments on this post are welcome at the harbour office.']),
    },
    {
      name: 'a list of one pattern closing a post with little around it stays: its own list, which a short footer is not',
      text: blogPost(['Archive'], ['12 September – Skerry Point, Boat Shed', '14 September – North Haven, Village Hall', '19 September – Gull Bay, Harbour Inn']),
    },
    { name: 'an article alone', text: `${HEADLINE}\n\n${BODY.join('\n\n')}\n` },
    {
      name: 'a page whose article is too short to cut around keeps its comment form when fewer than six lines hold it',
      text: [`${HEADLINE} | Coastal Gazette`, '', ...HEADER, '', HEADLINE, 'By Ellen Ward', '', SHORT_LEAD, '', ...FOOTER, '', ...COMMENT_FORM, ''].join('\n'),
    },
    {
      name: 'an article with a few stray lines around it: not a page',
      text: `${HEADLINE}\n\nShare this\n\n${BODY.join('\n\n')}\n\nRelated news\nAdvertisement\n`,
    },
    {
      name: "an article ending in its own long list: a text that starts with its article is not cut",
      text: `${HEADLINE}\n\n${BODY.join('\n\n')}\n\nThe keepers' duties:\n${['Lamp', 'Lens cleaning', 'Fog signal', 'Weather log', 'Radio watch', 'Tower tours', 'Cottage upkeep', 'Boat checks', 'Visitor book', 'Garden'].join('\n')}\n`,
    },
    {
      name: 'a text that starts with its article and ends in a footer of menus shorter than fifteen lines is no page: nothing is cut',
      text: `${HEADLINE}\n\n${[...BODY, ...MORE_BODY, ...REPLIES].join('\n\n')}\n\n${LONG_FOOTER.slice(0, 14).join('\n')}\n`,
    },
    {
      name: "a text that starts with its article and ends in its own list of twenty short lines, not a menu, is no page",
      text: `${HEADLINE}\n\n${BODY.join('\n\n')}\n\nThe keepers will look after these:\n${[...KEEPERS_DUTIES, ...DUTIES.slice(0, 15)].join('\n')}\n`,
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
    {
      name: "a one-paragraph article right under the headline and its byline is the lead, not a teaser: a longer form's messages below do not take the seed, and nothing is cut",
      text: shortArticlePage(['By Ellen Ward']),
    },
    {
      name: 'a one-paragraph article under the headline, a byline and a date (two lines between) is the lead too',
      text: shortArticlePage(['By Ellen Ward', '12 May 2024']),
    },
    {
      name: "a page whose article is a list (an agenda) and whose only prose is a form's few sentences: unsure, nothing is cut",
      text: [
        `${HEADLINE} | Coastal Gazette`,
        '',
        ...HEADER,
        '',
        'Open day at the lighthouse',
        'Host: Skerry Point Harbour Trust',
        'Guide: Ellen Ward',
        'Programme',
        'Welcome at the landing stage (15 mins)',
        'Walk up the cliff path to the tower',
        'Visit of the lamp room and the fog signal (45 mins)',
        'Tea in the keepers\' cottages',
        'Questions to the trust, next open day? (30 mins)',
        '',
        'Leave a reply',
        'You are signed in with your account. Sign out.',
        'You are signed in with your email address. Change.',
        'Name (required)',
        'Email (required)',
        '',
        ...FOOTER,
        '',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: "the line right over the article's first paragraph and the one right under its last that read as its sentences printed without a full stop stay",
      text: pageOf(['Share', 'Print page', 'Listen to this story', UNSTOPPED_DECK, '', ...BODY, ...MORE_BODY, '', UNSTOPPED_CREDIT], [...FOOTER, ...TEASER_LINES]),
      removed: [...PAGE_HEAD, 'Share', 'Print page', 'Listen to this story', ...FOOTER, ...TEASER_LINES],
    },
    {
      name: 'such a line that starts in lower case, as a byline does, goes with the page around the article',
      text: pageOf(['Share', 'Print page', 'Listen to this story', '', LOWER_UNSTOPPED, '', ...BODY, ...MORE_BODY], [...FOOTER, ...TEASER_LINES]),
      removed: [...PAGE_HEAD, 'Share', 'Print page', 'Listen to this story', LOWER_UNSTOPPED, ...FOOTER, ...TEASER_LINES],
    },
    {
      name: 'such lines shorter than ten words go with the page around the article',
      text: pageOf(['Share', 'Print page', 'Listen to this story', SHORT_UNSTOPPED, '', ...BODY, ...MORE_BODY, '', SHORT_UNSTOPPED.replace('Reporting', 'Editing')], [...FOOTER, ...TEASER_LINES]),
      removed: [...PAGE_HEAD, 'Share', 'Print page', 'Listen to this story', SHORT_UNSTOPPED, SHORT_UNSTOPPED.replace('Reporting', 'Editing'), ...FOOTER, ...TEASER_LINES],
    },
    {
      name: 'the labels closing a post with a few lines above it go though the text is no page: its tags, a link to more by its author, the site\'s credit',
      text: blogPost(['Archive'], CLOSING_LABELS),
      removed: CLOSING_LABELS,
      reason: /^page after the article: /u,
    },
    {
      name: 'the labels closing a post go from under its own list of one pattern, which stays',
      text: blogPost(['Archive'], ['12 September – Skerry Point, Boat Shed', '14 September – North Haven, Village Hall', '19 September – Gull Bay, Harbour Inn', '', ...CLOSING_LABELS]),
      removed: CLOSING_LABELS,
    },
    {
      name: 'two lines of one pattern are no list of the post\'s own: they go with the labels closing it',
      text: blogPost(['Archive'], ['12 September – Skerry Point, Boat Shed', '14 September – North Haven, Village Hall']),
      removed: ['12 September – Skerry Point, Boat Shed', '14 September – North Haven, Village Hall'],
    },
    {
      name: 'a caption ending in its credit goes from between two paragraphs; a sentence ending in a colon and a clause, and a long paragraph ending in its source, stay',
      text: pageOf([...BODY.slice(0, 2), OTHER_CAPTIONS[0]!, BODY[2]!, CREDITED_CAPTION, ...BODY.slice(3, 5), OTHER_CAPTIONS[1]!, BODY[5]!, COLON_SENTENCE, SOURCED_PARAGRAPH, ...MORE_BODY], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, OTHER_CAPTIONS[0]!, CREDITED_CAPTION, OTHER_CAPTIONS[1]!, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: "a sentence standing alone under the article's last paragraph and a label goes with the page after it",
      text: pageOf([...BODY, ...MORE_BODY, 'Newsletter', LONE_OFFER], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, 'Newsletter', LONE_OFFER, ...TEASER_LINES, ...FOOTER],
      reason: /^page (?:before|after) the article/u,
    },
    {
      name: "a short line at the run's end sharing too few of the topic's words (not none) goes",
      text: pageOf([...BODY, ...MORE_BODY, APP_OFFER], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, APP_OFFER, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: "a last sentence standing alone that holds most of the topic's words stays: the article's last word",
      text: pageOf([...BODY, ...MORE_BODY, 'Advertisement', LONE_LAST_WORD], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a last paragraph standing alone that is longer than an offer stays',
      text: pageOf([...BODY, ...MORE_BODY, 'Advertisement', LONE_LAST_PARAGRAPH], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a page whose article is too short to cut around still loses its comment section, from the line heading it',
      text: [`${HEADLINE} | Coastal Gazette`, '', ...HEADER, '', HEADLINE, 'By Ellen Ward', '', SHORT_LEAD, '', ...COMMENT_FORM, '', ...FOOTER, ''].join('\n'),
      removed: [...COMMENT_FORM, ...FOOTER],
      reason: /^page after the article: comment section$/u,
    },
    {
      name: "a one-paragraph article on a topic too small to judge does not resume under a footer longer, in lines, than its words: the form's sentences below go with the page",
      text: [
        `${HEADLINE} | Coastal Gazette`, '', ...HEADER, '', HEADLINE, HEADLINE, 'By Ellen Ward', SHORT_LEAD, '2 min', '12 May 2024', 'Video available until June',
        ...LONG_FOOTER, ...FOOTER_LINKS, ...EMBED_NOTICE, ...SIGN_IN_FORM, '',
      ].join('\n'),
      removed: [...HEADER, HEADLINE, HEADLINE, 'By Ellen Ward', '2 min', '12 May 2024', 'Video available until June', ...LONG_FOOTER, ...FOOTER_LINKS, ...EMBED_NOTICE, ...SIGN_IN_FORM],
    },
    {
      name: "the last sections that the page's table of contents names stay with the article, though their steps share few of its words and their headings are printed twice",
      text: [`${HEADLINE} | Coastal Gazette`, '', ...HEADER, '', HEADLINE, 'By Ellen Ward', '', 'Contents', ...TOC_ITEMS, '', TOC_ITEMS[0], '', BODY[0], '', BODY[1], '', BODY[2], '', TOC_ITEMS[1], '', BODY[3], '', BODY[4], '', BODY[5], '', ...DUTIES, '', ...FOOTER, ''].join('\n'),
      removed: [...HEADER, HEADLINE, 'By Ellen Ward', 'Contents', ...TOC_ITEMS, TOC_ITEMS[0]!, ...FOOTER],
    },
    {
      name: 'a lone sentence three lines under the headline (under a menu) is no lead but a teaser: the form below, longer, is taken for the article',
      text: shortArticlePage(['Home', 'News', 'Sport']),
      removed: ['Home', 'News', 'Sport', SHORT_LEAD, '2 min', '12 May 2024', 'Video available until June', ...LONG_FOOTER, ACCOUNT_FORM[0]!],
      reason: /^page before the article/u,
    },
    {
      name: "other stories' headlines over the page's one-word links both go: split, neither shares the article's words",
      text: pageOf(BODY, [...OTHER_HEADLINES, ...PAGE_TOOLS, ...FOOTER]),
      removed: [...PAGE_HEAD, ...OTHER_HEADLINES, ...PAGE_TOOLS, ...FOOTER],
    },
    {
      name: 'the numbered steps of a recipe at the article\'s end stay with it',
      text: pageOf([...BODY, 'Method', ...STEPS], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a tutorial\'s code stays with its sentences, even a line of it that quotes the headline',
      text: pageOf([...BODY.slice(0, 3), ...TUTORIAL, ...BODY.slice(3)], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a short page: a header of furniture above the article is cut, however little follows it (three links of footer, which go too)',
      text: [`${HEADLINE} | Coastal Gazette`, '', ...HEADER, ...SECTIONS, '', BODY.join('\n\n'), '', ...FOOTER.slice(0, 3), ''].join('\n'),
      removed: [...HEADER, ...SECTIONS, ...FOOTER.slice(0, 3)],
    },
    {
      name: 'six lines after the article are enough to be page; five are the article\'s own',
      text: page(FOOTER.slice(0, 6)),
      removed: [...PAGE_HEAD, ...FOOTER.slice(0, 6)],
    },
    {
      name: 'a text that starts with its article and ends in a footer of menus (fifteen lines or more) is a page: the footer goes',
      text: `${HEADLINE}\n\n${[...BODY, ...MORE_BODY, ...REPLIES].join('\n\n')}\n\n${LONG_FOOTER.slice(0, 15).join('\n')}\n`,
      removed: LONG_FOOTER.slice(0, 15),
    },
    {
      name: 'five lines of footer after the article go too: each of them costs the run',
      text: page(FOOTER.slice(0, 5)),
      removed: [...PAGE_HEAD, ...FOOTER.slice(0, 5)],
    },
    {
      name: 'five lines after the article stay when one of them is about its topic: the article\'s own last lines',
      text: page([...FOOTER.slice(0, 4), 'The keepers of Skerry Point lighthouse']),
      removed: PAGE_HEAD,
    },
    {
      name: 'three lines after the article go when the one about its topic is a label the page prints in its menu too',
      text: labelledPage('Lighthouse stories'),
      removed: [...HEADER, ...SECTIONS, 'Lighthouse stories', HEADLINE, 'By Ellen Ward', 'Lighthouse stories', 'Back to top', 'Terms of use'],
    },
    {
      name: 'three lines after the article stay when the one about its topic is printed only there: the article\'s own last lines',
      text: labelledPage(undefined),
      removed: [...HEADER, ...SECTIONS, HEADLINE, 'By Ellen Ward'],
    },
    {
      name: 'a box of six or more related headlines under the last paragraph, then a sentence standing alone, is page: the article resumes only with paragraphs',
      text: pageOf([...BODY, ...MORE_BODY], [...RELATED_LINKS, LETTER_OFFER, '', ...FOOTER]),
      removed: [...PAGE_HEAD, ...RELATED_LINKS, LETTER_OFFER, ...FOOTER],
      reason: /^page (?:before|after) the article: /u,
    },
    {
      name: 'five related headlines under the last paragraph are too short a stretch to say so: the run goes on over them to the lone sentence',
      text: pageOf([...BODY, ...MORE_BODY], [...RELATED_LINKS.slice(0, 5), LETTER_OFFER, '', ...FOOTER]),
      removed: [...PAGE_HEAD, ...FOOTER],
    },
    {
      name: 'the article\'s own list of seven items, introduced by its last paragraph, and the sentence under it stay',
      text: pageOf([...BODY, ...MORE_BODY, 'Each keeper will look after these:'], [...KEEPERS_CARE, 'The keepers will start in May.', '', ...FOOTER]),
      removed: [...PAGE_HEAD, ...FOOTER],
    },
    {
      name: 'the article\'s own table of six rows sharing its words, under its last paragraph, and the sentence under it stay',
      text: pageOf([...BODY, ...MORE_BODY], [...LIGHTHOUSE_FACTS, 'Visitors will climb the lighthouse tower on summer weekends.', '', ...FOOTER]),
      removed: [...PAGE_HEAD, ...FOOTER],
    },
    {
      name: 'a blog\'s few closing lines after the article go: a notice that comments are closed, a theme\'s credit, a licence',
      text: page(BLOG_FOOTER),
      removed: [...PAGE_HEAD, ...BLOG_FOOTER],
    },
    {
      name: 'a credit standing alone between paragraphs goes; a "label: value" row of the article\'s table stays',
      text: pageOf([...BODY.slice(0, 2), 'Photo: Ellen Ward', ...BODY.slice(2, 4), 'Keepers: 2', 'Cottages: 3', 'Visits: weekends', 'Lamp range: 18 miles', ...BODY.slice(4)], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, 'Photo: Ellen Ward', ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a closing offer about something else, run on from the last paragraph, goes',
      text: pageOf([...BODY, ...MORE_BODY, 'Download our free app for phones and tablets today.'], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, 'Download our free app for phones and tablets today.', ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a note on the author named in the byline goes; a last paragraph about someone the page does not name elsewhere stays',
      text: pageOf([...BODY, ...MORE_BODY, 'Ellen Ward reports on village life for the paper and has written two books of walks.'], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, 'Ellen Ward reports on village life for the paper and has written two books of walks.', ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a last paragraph about someone the page names nowhere else stays, though it shares little of the topic',
      text: pageOf([...BODY, ...MORE_BODY, 'Jonas Pell runs the bakery by the harbour and sings in the church choir on Sundays.'], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a sentence of the article that restates the headline does not end it: the article goes on after it',
      text: pageOf([...BODY.slice(0, 3), 'That is why lighthouse keepers return to Skerry Point.', ...BODY.slice(3), ...MORE_BODY], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a short line naming the headline ends the article: the replies under it go, though they share its words',
      text: pageOf([...BODY, ...MORE_BODY], [`2 responses to “${HEADLINE}”`, ...REPLIES, ...FOOTER]),
      removed: [...PAGE_HEAD, `2 responses to “${HEADLINE}”`, ...REPLIES, ...FOOTER],
    },
    {
      name: 'a headline of one word is no name a line can give again: the article\'s list that holds the word does not end it',
      text: [
        'Lighthouses', '', ...HEADER, '', 'Lighthouses', '', ...BODY.flatMap((line) => [line, '']),
        'The trust looks after these lighthouses:', LIGHTHOUSES.join('\n'), '', ...MORE_BODY.flatMap((line) => [line, '']), TEASER_LINES.join('\n'), FOOTER.join('\n'), '',
      ].join('\n'),
      removed: [...HEADER, 'Lighthouses', ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a tutorial\'s long listing costs nothing: the article goes on after it',
      text: pageOf(
        [...BODY, 'The trust\'s script that lights the lamp at dusk:', ...Array.from({ length: 24 }, (_, i) => `step_${i} = lamp.turn(angle=${i * 15})`), 'The keepers can change the angles in the script when the trust fits a new lens to the lamp.'],
        [...TEASER_LINES, ...FOOTER],
      ),
      removed: [...PAGE_HEAD, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'between the article and where it resumes, its own subheading stays and a box of links goes',
      text: [
        `${HEADLINE} | Coastal Gazette`, '', HEADER.join('\n'), '', HEADLINE, '', ...BODY.slice(0, 3).flatMap((line) => [line, '']),
        LINK_BOX.join('\n'), '', 'Life on the point', '', ...[...BODY.slice(3), ...MORE_BODY].flatMap((line) => [line, '']), FOOTER.join('\n'), '',
      ].join('\n'),
      removed: [...HEADER, HEADLINE, ...LINK_BOX, ...FOOTER],
    },
    {
      name: 'a last paragraph quoting someone the page names nowhere else stays',
      text: pageOf([...BODY, ...MORE_BODY, 'Jonas Pell, who kept the light until it was automated, said he would gladly show the new keepers the lamp.'], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'the article resumes after a long box of links: the box goes, the article\'s own list before it stays',
      text: pageOf([...BODY.slice(0, 3), 'The keepers will look after:', 'the lamp and its lens', 'the fog signal', 'the weather station', BODY[3]!, ...LINK_BOX, ...BODY.slice(4), ...MORE_BODY], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...LINK_BOX, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'on a page of short pieces each under its share bar, the article is the first: the others, some cut off in an ellipsis, go',
      text: [
        `${HEADLINE} | Coastal Gazette`, '', HEADER.join('\n'), '', HEADLINE, '', SHARE_BAR, '', [...BODY, ...MORE_BODY].join(' '), '',
        ...OTHER_PIECES.flatMap((piece) => [SHARE_BAR, '', piece, '']), FOOTER.join('\n'), '',
      ].join('\n'),
      removed: [...HEADER, HEADLINE, SHARE_BAR, ...OTHER_PIECES.flatMap((piece) => [SHARE_BAR, piece]), ...FOOTER],
    },
    {
      name: 'summaries of other stories set one under the other, each cut off in an ellipsis, under the article go, with the label over them and the line after them',
      text: pageOf([...BODY, 'You may also like:', ...CUT_SUMMARIES, ALERTS_OFFER], FOOTER),
      removed: [...PAGE_HEAD, 'You may also like:', ...CUT_SUMMARIES, ALERTS_OFFER, ...FOOTER],
    },
    {
      name: 'the article\'s last paragraph trailing off in an ellipsis, right under its others, is no summary of another story: it stays',
      text: pageOf([...BODY, TRAILING_PARAGRAPH], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a headline cut off in an ellipsis in a box of other stories inside the article does not end it: the article goes on after it',
      text: pageOf([...BODY.slice(0, 4), 'Related stories', 'Storm damage on the coast road: the council warns drivers as the wind ...', 'Ferry timetable changes for the winter', ...BODY.slice(4), ...MORE_BODY], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: "the first item of the article's numbered list, set apart in the block above the run (which holds items 2 and 3), stays with its text; the heading above it goes",
      text: [
        `${HEADLINE} | Coastal Gazette`, '', ...HEADER, '', HEADLINE, 'By Ellen Ward', '', ...NUMBERED_START,
        '', BODY[0], BODY[1], '2. A watch in every storm.', BODY[2], BODY[3], '3. A welcome for visitors.', BODY[4], BODY[5], '', ...TEASER_LINES, ...FOOTER, '',
      ].join('\n'),
      removed: [...PAGE_HEAD, NUMBERED_START[0]!, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a numbered list of other stories above the page\'s headline is not the start of the article\'s numbered list: only the block right above the run is looked at',
      text: [
        `${HEADLINE} | Coastal Gazette`, '', ...HEADER, '', ...NUMBERED_STORIES, '', HEADLINE, 'By Ellen Ward', '',
        BODY[0], BODY[1], '2. A watch in every storm.', BODY[2], BODY[3], '3. A welcome for visitors.', BODY[4], BODY[5], '', ...TEASER_LINES, ...FOOTER, '',
      ].join('\n'),
      removed: [...HEADER, ...NUMBERED_STORIES, HEADLINE, 'By Ellen Ward', ...TEASER_LINES, ...FOOTER],
    },
    {
      name: "the deck right under the page's copy of the headline (a summary without a full stop, about the topic) stays; the byline under it goes",
      text: [`${HEADLINE} | Coastal Gazette`, '', ...HEADER, '', HEADLINE, DECK, 'By Ellen Ward', '', BODY.join('\n\n'), '', ...TEASER_LINES, ...FOOTER, ''].join('\n'),
      removed: [...PAGE_HEAD, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: "a deck of six words or more stays when the page runs it into the block of links above it, with the page's copy of the headline",
      text: [`${HEADLINE} | Coastal Gazette`, '', ...HEADER, ...LINK_BOX.slice(0, 10), HEADLINE, 'Keepers for the lighthouse cottages again', 'By Ellen Ward', '', BODY.join('\n\n'), '', ...TEASER_LINES, ...FOOTER, ''].join('\n'),
      removed: [...HEADER, ...LINK_BOX.slice(0, 10), HEADLINE, 'By Ellen Ward', ...TEASER_LINES, ...FOOTER],
    },
    {
      name: "a shorter line about the topic there is a link of the menu, and goes",
      text: [`${HEADLINE} | Coastal Gazette`, '', ...HEADER, ...LINK_BOX.slice(0, 10), HEADLINE, 'Keepers for the lighthouse cottages', 'By Ellen Ward', '', BODY.join('\n\n'), '', ...TEASER_LINES, ...FOOTER, ''].join('\n'),
      removed: [...HEADER, ...LINK_BOX.slice(0, 10), HEADLINE, 'Keepers for the lighthouse cottages', 'By Ellen Ward', ...TEASER_LINES, ...FOOTER],
    },
    {
      name: "the sentences that open the article's first paragraph stay, though they share none of its words (a lede); the run starts lower, after a box of links",
      text: [`${HEADLINE} | Coastal Gazette`, '', ...HEADER, '', HEADLINE, 'By Ellen Ward', '', ...LEDE, BODY[0], '', ...LINK_BOX.slice(0, 10), '', [...BODY.slice(1), ...MORE_BODY].join('\n\n'), '', ...TEASER_LINES, ...FOOTER, ''].join('\n'),
      removed: [...PAGE_HEAD, ...LINK_BOX.slice(0, 10), ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a gallery inside the article goes; the article goes on after it',
      text: pageOf([...BODY.slice(0, 3), ...GALLERY, ...BODY.slice(3)], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...GALLERY, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a gallery of captions numbered at their start, inside the article, goes',
      text: pageOf([...BODY.slice(0, 3), ...NUMBERED_CAPTIONS, ...BODY.slice(3)], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...NUMBERED_CAPTIONS, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a story told in a gallery: its captions are the article',
      text: pageOf(STORY_GALLERY, [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a comment thread after the article, its heads in any language\'s words',
      text: pageOf(BODY, [...THREAD, ...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...THREAD, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a list of tour dates introduced by the article\'s own sentence stays',
      text: pageOf(TOUR, [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a list without a pattern under the article\'s last sentence ending in a colon goes when it shares too few of the article\'s words: the site\'s box run on into its footer, and the sentence introducing it',
      text: pageOf([...BODY, READ_MORE_INTRO], [...SITE_BOX, ...FOOTER]),
      removed: [...PAGE_HEAD, READ_MORE_INTRO, ...SITE_BOX, ...FOOTER],
    },
    {
      name: 'a line ending in a colon over a paywall\'s offers, under the article\'s last paragraph, goes with the offers',
      text: pageOf([...BODY, PAYWALL_INTRO], [...PAYWALL_OFFERS, ...FOOTER]),
      removed: [...PAGE_HEAD, PAYWALL_INTRO, ...PAYWALL_OFFERS, ...FOOTER],
    },
    {
      name: 'a paragraph of two sentences ending in a colon stays though what follows goes',
      text: pageOf([...BODY, TWO_SENTENCE_INTRO], [...SITE_BOX, ...FOOTER]),
      removed: [...PAGE_HEAD, ...SITE_BOX, ...FOOTER],
    },
    {
      name: 'a list without a pattern under the article\'s last sentence ending in a colon stays when it shares the article\'s words',
      text: pageOf([...BODY, READ_MORE_INTRO], [...OWN_POINTS, '', ...FOOTER]),
      removed: [...PAGE_HEAD, ...FOOTER],
    },
    {
      name: 'a list introduced by the article\'s own sentence costs nothing: the article\'s paragraph after it stays',
      text: pageOf([...BODY, ...MORE_BODY.slice(1), EVENINGS_INTRO, ...EVENINGS, MORE_BODY[0]!], [...LINK_BOX, ...FOOTER]),
      removed: [...PAGE_HEAD, ...LINK_BOX, ...FOOTER],
    },
    {
      name: 'in a short article too, the paragraph after the list its own sentence introduces stays',
      text: pageOf([...BODY, EVENINGS_INTRO, ...EVENINGS, MORE_BODY[0]!], [...LINK_BOX, ...FOOTER]),
      removed: [...PAGE_HEAD, ...LINK_BOX, ...FOOTER],
    },
    {
      name: 'a list under a line ending in a colon that is about something else goes, and the paragraph after it',
      text: pageOf([...BODY, ...MORE_BODY.slice(1), 'Our readers can also meet us on these dates:', ...EVENINGS, MORE_BODY[0]!], [...LINK_BOX, ...FOOTER]),
      removed: [...PAGE_HEAD, 'Our readers can also meet us on these dates:', ...EVENINGS, MORE_BODY[0]!, ...LINK_BOX, ...FOOTER],
    },
    {
      name: 'an offer after the article\'s introduced list goes: the list costs the run nothing but adds nothing either',
      text: pageOf([...BODY, ...MORE_BODY.slice(1), EVENINGS_INTRO, ...EVENINGS, OFFER], [...LINK_BOX, ...FOOTER]),
      removed: [...PAGE_HEAD, OFFER, ...LINK_BOX, ...FOOTER],
    },
    {
      name: 'a list of one-word items sharing the article\'s words, between its lead and the rest of it, stays',
      text: pageOf([BODY[0]!, ...KEEPERS_DUTIES, ...BODY.slice(1), ...MORE_BODY], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a box of links sharing none of the article\'s words, between its lead and the rest of it, goes',
      text: pageOf([BODY[0]!, ...SITE_LINKS, ...BODY.slice(1), ...MORE_BODY], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...SITE_LINKS, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a video\'s title over the article, between its lead and the rest of it, goes though it shares the article\'s words',
      text: pageOf([BODY[0]!, '', ...PAYWALL, '', ...VIDEO_TITLE, '', ...BODY.slice(1), ...MORE_BODY], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...PAYWALL, ...VIDEO_TITLE, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a list of one-word items sharing the article\'s words, between two parts of it, stays',
      text: pageOf([...BODY.slice(0, 3), ...MORE_BODY, '', ...KEEPERS_DUTIES, '', ...LINK_BOX, '', ...BODY.slice(3)], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...LINK_BOX, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a short article under the headline wins over a longer run of prose under a later copy of the headline (a list of most read stories)',
      text: pageOf(BODY.slice(0, 4), [...SECTIONS, ...MOST_READ, ...FOOTER]),
      removed: [...PAGE_HEAD, ...SECTIONS, ...MOST_READ, ...FOOTER],
    },
    {
      name: 'the lead printed twice, as a preview over a paywall\'s offer and again over the whole text, stays where it is first',
      text: pageOf([BODY[0]!, ...PAYWALL, ...BODY], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...PAYWALL, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'the lead under the headline, above a table of contents that names the headline again, stays',
      text: pageOf([BODY[0]!, ...CONTENTS, ...BODY.slice(1)], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...CONTENTS, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'a photo\'s caption under the headline, printed twice by its gallery, goes with the gallery above a table of contents',
      text: pageOf([CAPTION, 'Photo: Anna Berg', CAPTION, 'Photo: Anna Berg', ...CONTENTS, ...BODY], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, CAPTION, 'Photo: Anna Berg', CAPTION, 'Photo: Anna Berg', ...CONTENTS, ...TEASER_LINES, ...FOOTER],
    },
    {
      name: 'the lead under the headline, cut off from the article by a byline and a paywall\'s offer, stays',
      text: pageOf([BODY[0]!, ...PAYWALL, ...BODY.slice(1)], [...TEASER_LINES, ...FOOTER]),
      removed: [...PAGE_HEAD, ...PAYWALL, ...TEASER_LINES, ...FOOTER],
    },
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
      name: 'a post with no copy of its headline and a short header: the comment thread below it says the page goes on there',
      text: [`${HEADLINE} | Coastal Gazette`, 'Home', 'Blog', '', BODY.join('\n\n'), '', ...THREAD, ...TEASER_LINES, ...FOOTER, ''].join('\n'),
      removed: ['Home', 'Blog', ...THREAD, ...TEASER_LINES, ...FOOTER],
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
