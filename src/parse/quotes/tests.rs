//! Tests of [`find_quotes`]: small snippets for each rule, the corpus, and
//! random marks. Snippet tests go through [`check`], which renders each
//! quotation as one line (`attributed[毛主席] …`, `saying …`, `term …`).

use super::find_quotes;
use crate::model::{DiagnosticKind, Quote, QuoteKind, Span};

fn render(quote: &Quote) -> String {
    match (quote.kind, &quote.speaker) {
        (QuoteKind::Attributed, Some(speaker)) => format!("attributed[{speaker}] {}", quote.text),
        (QuoteKind::Attributed, None) => format!("attributed[?] {}", quote.text),
        (QuoteKind::Saying, _) => format!("saying {}", quote.text),
        (QuoteKind::Term, _) => format!("term {}", quote.text),
    }
}

/// Checks the quotations of `text`, rendered by [`render`], and that it
/// has no diagnostics.
#[track_caller]
fn check(text: &str, expected: &[&str]) {
    let (quotes, diagnostics) = find_quotes(text);
    let rendered: Vec<String> = quotes.iter().map(render).collect();
    assert_eq!(rendered, expected, "quotations of {text:?}");
    assert_eq!(diagnostics, [], "diagnostics of {text:?}");
}

/// The speaker found for the last quotation in `text`.
#[track_caller]
fn speaker(text: &str) -> Option<String> {
    let (quotes, _) = find_quotes(text);
    assert!(!quotes.is_empty(), "a quotation in {text:?}");
    quotes.into_iter().last().and_then(|quote| quote.speaker)
}

fn diagnostics(text: &str) -> Vec<(DiagnosticKind, usize)> {
    let (_, diagnostics) = find_quotes(text);
    diagnostics.iter().map(|d| (d.kind, d.span.start)).collect()
}

#[test]
fn attributed_with_each_verb_form() {
    let cases = [
        ("习近平总书记指出：“要坚持人民至上。”", "习近平总书记"),
        ("毛主席强调：“要团结。”", "毛主席"),
        ("列宁说：“学习，学习，再学习。”", "列宁"),
        ("列宁说过：“学习，学习，再学习。”", "列宁"),
        ("毛主席说，“要团结。”", "毛主席"),
        ("习近平总书记深刻指出：“要团结。”", "习近平总书记"),
        ("毛泽东同志曾经说过：“要团结。”", "毛泽东同志"),
        ("这就是毛主席所说的“纸老虎”。", "毛主席"),
        ("正如毛主席所说，“要团结。”", "毛主席"),
        ("正如斯大林所说的：“要团结。”", "斯大林"),
        (
            "习近平总书记在全国两会期间参加代表团审议时的讲话中指出：“要团结。”",
            "习近平总书记",
        ),
        ("邓小平同志讲：“发展才是硬道理。”", "邓小平同志"),
        ("马克思认为：“要团结。”", "马克思"),
        ("习近平总书记告诫我们：“要团结。”", "习近平总书记"),
        (
            "中国古时候有个文学家叫做司马迁的说过：“人固有一死。”",
            "司马迁",
        ),
        ("伟大领袖毛主席教导我们：“要团结。”", "毛主席"),
        ("早在一九六七年毛主席就说过：“要团结。”", "毛主席"),
        ("毛主席一针见血地指出：“要团结。”", "毛主席"),
        ("毛主席十一月十二日在信上批示：“要团结。”", "毛主席"),
        ("毛主席还当面批评王洪文：“要团结。”", "毛主席"),
        ("鲁迅曾在《伪自由书》一文中说：“要团结。”", "鲁迅"),
        ("毛主席在“论联合政府”一书中说：“要团结。”", "毛主席"),
        ("马克思、恩格斯说过：“要团结。”", "马克思、恩格斯"),
        ("**毛主席说：**“要团结。”", "毛主席"),
        ("毛主席说：\n“要团结。”", "毛主席"),
        ("贯彻毛主席的指示：“要团结。”", "毛主席"),
        ("斯大林的话说得对：“理论若不和革命实践联系起来。”", "斯大林"),
        ("我年轻时就知道华罗庚的一句话，“神奇化易是坦途。”", "华罗庚"),
        (
            "本篇讲话最值得体会的是任正非的另一个观点：“不要法兰西大革命。”",
            "任正非",
        ),
        ("我们要记住任正非的一个观点：“不要法兰西大革命。”", "任正非"),
    ];
    for (text, expected) in cases {
        assert_eq!(speaker(text).as_deref(), Some(expected), "{text}");
    }
}

#[test]
fn speaker_of_a_clause_of_adverbs_is_borrowed_from_the_clause_before() {
    let text = "毛主席还以杜林为例，尖锐指出：“要团结。”";
    assert_eq!(speaker(text).as_deref(), Some("毛主席"));
}

#[test]
fn quotation_starting_inside_the_speech_is_attributed() {
    let text = "毛主席说：社会主义革命，“是什么阶级之间的斗争呢？”";
    assert_eq!(speaker(text).as_deref(), Some("毛主席"));
}

#[test]
fn a_role_named_by_its_place_speaks() {
    assert_eq!(
        speaker("湘乡的承审员告诉我：“没有农民协会以前，县公署每天可以收到诉讼。”").as_deref(),
        Some("湘乡的承审员")
    );
    assert_eq!(
        speaker("长冈乡的群众说：“共产党真正好，什么事情都替我们想到了。”").as_deref(),
        Some("长冈乡的群众")
    );
    // A document before 的 is no place.
    assert_eq!(speaker("文件的精神说：“要抓紧。”"), None);
}

#[test]
fn a_verb_of_having_said_needs_no_mark_before_the_words() {
    assert_eq!(
        speaker("任正非曾明确说过“财务人员要懂业务，业务人员要懂财务。”").as_deref(),
        Some("任正非")
    );
    assert_eq!(
        speaker("鲁迅写道“横眉冷对千夫指，俯首甘为孺子牛。”").as_deref(),
        Some("鲁迅")
    );
    // Only verbs of having said: 说 alone before the mark takes an object.
    assert_eq!(speaker("大家都说“好”"), None);
}

#[test]
fn a_source_cited_in_brackets_after_the_words_speaks() {
    check(
        "因军阀们把“剿匪”当做一件大事，“剿匪经年，耗费百万”（鲁涤平），“人称二万，枪号五千”（王均），如此等类的话。",
        &[
            "term 剿匪",
            "attributed[鲁涤平] 剿匪经年，耗费百万",
            "attributed[王均] 人称二万，枪号五千",
        ],
    );
    // A gloss after a term, or a note number, names no one.
    check(
        "以一方攻入对方堡垒捉住“将军”（主帅）作为赢棋，“避其锐气，击其惰归”（41）。",
        &["term 将军", "saying 避其锐气，击其惰归"],
    );
}

#[test]
fn a_short_classical_line_is_a_saying_not_a_term() {
    check(
        "“治大国如烹小鲜”，我们做任何小事情都要认真。光阴是“逝者如斯夫”，要珍惜时间；要“一如既往”地“先生之志则大矣”。",
        &[
            "saying 治大国如烹小鲜",
            "saying 逝者如斯夫",
            "term 一如既往",
            "saying 先生之志则大矣",
        ],
    );
}

#[test]
fn a_book_that_speaks_is_named_without_its_marks() {
    let cited = "《总理遗嘱》有云：“余致力国民革命凡四十年，其目的在求中国之自由平等。”";
    assert_eq!(speaker(cited).as_deref(), Some("总理遗嘱"));
    assert_eq!(
        speaker("正如《决定》中指出：“全面深化改革的总目标是完善和发展中国特色社会主义制度。”")
            .as_deref(),
        Some("决定")
    );
    // A book named deep inside a longer subject does not speak.
    assert_eq!(
        speaker("这就是大家都在认真学习的《决定》指出：“要抓紧。”"),
        None
    );
}

#[test]
fn no_speaker_without_a_plausible_name() {
    let cases = [
        "古人说：“天下之难持者莫如心。”",
        "俗话说：“到什么山上唱什么歌。”",
        "有人认为：“战必败。”",
        "他说：“辱骂和恐吓决不是战斗。”",
        "我们那时曾说：“要团结。”",
        "也就是说，“要团结。”",
        "宪法序言规定：“这是一个过渡时期。”",
        "我们提出了“精兵简政”。",
        "长篇小说“红岩”。",
        "通常所说的“南南合作”。",
        "例如说：“中国武器不如人，战必败。”",
        "说什么“这一战，就是敌人的最后挣扎”。",
        "中央政治局讨论这个问题，强调指出：“要团结。”",
    ];
    for text in cases {
        assert_eq!(speaker(text), None, "{text}");
    }
}

#[test]
fn saying_and_term() {
    check(
        "古人讲，“善除害者察其本，善理疾者绝其源。”要增强“四个意识”“不忘初心、牢记使命”。",
        &[
            "saying 善除害者察其本，善理疾者绝其源。",
            "term 四个意识",
            "term 不忘初心、牢记使命",
        ],
    );
    // Twelve chars is still a term, thirteen is not; sentence punctuation
    // makes a saying however short.
    check(
        "“一二三四五六七八九十一二”“一二三四五六七八九十一二三”“好，很好”",
        &[
            "term 一二三四五六七八九十一二",
            "saying 一二三四五六七八九十一二三",
            "saying 好，很好",
        ],
    );
    // Short phrases listed with 、 make one term, however many; a long
    // phrase among them makes a saying.
    check(
        "实行“限定场所、分类管理、单位负责、公众参与、综合治理”的原则，“坚持以人民为中心的发展思想、推进改革”",
        &[
            "term 限定场所、分类管理、单位负责、公众参与、综合治理",
            "saying 坚持以人民为中心的发展思想、推进改革",
        ],
    );
}

#[test]
fn nested_quotation_follows_its_outer_one() {
    let text = "习近平总书记深刻指出：“许多‘一把手’从‘好干部’沦为阶下囚。”";
    check(
        text,
        &[
            "attributed[习近平总书记] 许多‘一把手’从‘好干部’沦为阶下囚。",
            "term 一把手",
            "term 好干部",
        ],
    );
    let (quotes, _) = find_quotes(text);
    assert_eq!(quotes[0].span, Span::new(11, 32));
    assert_eq!(quotes[1].span, Span::new(14, 19));
    // The inner lead-in stops at the outer mark: 说： outside does not
    // attribute ‘一把手’.
    check(
        "毛主席说：“‘一把手’很重要。”",
        &["attributed[毛主席] ‘一把手’很重要。", "term 一把手"],
    );
    check("「甲『乙』丙」", &["term 甲『乙』丙", "term 乙"]);
}

#[test]
fn quotation_split_over_lines_is_joined() {
    let text = "毛主席说：“\n她\n（指江青）\n算上海帮呢！\n”毛主席一再说：“\n她代表她自己。\n”";
    check(
        text,
        &[
            "attributed[毛主席] 她（指江青）算上海帮呢！",
            "attributed[毛主席] 她代表她自己。",
        ],
    );
    let (quotes, _) = find_quotes(text);
    assert_eq!(quotes[0].span, Span::new(5, 23));
}

#[test]
fn zero_width_line_is_not_a_blank_line() {
    check("推动“十三\n\u{200B}\n五”规划", &["term 十三五"]);
    check(
        "“十三\n\u{200B}\n五”和\n\u{200B}\n“一带一路”",
        &["term 十三五", "term 一带一路"],
    );
}

#[test]
fn words_drop_markup_and_indentation() {
    check("“**重点**内容”", &["term 重点内容"]);
    check(
        "“第一行  \n　　第二行\u{00A0}\u{FEFF}”",
        &["term 第一行第二行"],
    );
    check("“hello\nworld”", &["term hello world"]);
}

#[test]
fn quotation_repeating_its_mark_at_each_paragraph_continues() {
    check(
        "毛主席说：“第一段。\n\n　　“第二段。\n“第三段。”\n\n下文有“一把手”。",
        &["attributed[毛主席] 第一段。第二段。第三段。", "term 一把手"],
    );
}

#[test]
fn quotation_right_after_an_attributed_one_continues_it_unless_a_term() {
    check(
        "毛主席说：“甲。”“乙。”\n\n“丙。”“四人帮”",
        &[
            "attributed[毛主席] 甲。",
            "attributed[毛主席] 乙。",
            "attributed[毛主席] 丙。",
            "term 四人帮",
        ],
    );
}

#[test]
fn unclosed_mark_stops_at_a_blank_line() {
    let text = "他说：“没有结尾。\n\n下一段有“一把手”。";
    let (quotes, _) = find_quotes(text);
    assert_eq!(
        quotes.iter().map(render).collect::<Vec<_>>(),
        ["term 一把手"]
    );
    assert_eq!(diagnostics(text), [(DiagnosticKind::UnclosedQuote, 3)]);
}

#[test]
fn unclosed_mark_stops_after_the_length_bound() {
    let text = format!("“{}“一把手”", "字".repeat(2000));
    let (quotes, _) = find_quotes(&text);
    assert_eq!(
        quotes.iter().map(render).collect::<Vec<_>>(),
        ["term 一把手"]
    );
    assert_eq!(diagnostics(&text), [(DiagnosticKind::UnclosedQuote, 0)]);
}

#[test]
fn unclosed_mark_at_the_end() {
    assert_eq!(
        diagnostics("他说：“没完"),
        [(DiagnosticKind::UnclosedQuote, 3)]
    );
    // An inner mark left open when the outer one closes.
    let text = "“甲‘乙”";
    assert_eq!(
        find_quotes(text).0.iter().map(render).collect::<Vec<_>>(),
        ["term 甲‘乙"]
    );
    assert_eq!(diagnostics(text), [(DiagnosticKind::UnclosedQuote, 2)]);
}

#[test]
fn stray_closing_mark() {
    assert_eq!(
        diagnostics("这是”多余的"),
        [(DiagnosticKind::UnopenedQuote, 2)]
    );
    assert_eq!(diagnostics("“甲’乙”"), [(DiagnosticKind::UnopenedQuote, 2)]);
    // An apostrophe is not a mark.
    check("it’s “好”", &["term 好"]);
}

#[test]
fn empty_quotation_is_skipped() {
    check("加上“”和“ \n ”", &[]);
}

#[test]
fn spans_count_chars_not_bytes() {
    let (quotes, _) = find_quotes("𠀀𠀁“一把手”");
    assert_eq!(quotes[0].span, Span::new(2, 7));
}

#[test]
fn nesting_deeper_than_the_bound_is_text() {
    let text = format!("{}{}", "“".repeat(10), "”".repeat(10));
    let (quotes, diagnostics) = find_quotes(&text);
    assert_eq!(quotes.len(), super::MAX_DEPTH);
    assert_eq!(diagnostics, []);
}

// --- The corpus -----------------------------------------------------------

const SEED: &str = include_str!("../../../tests/corpus/00_seed_city-mobilisation-speech.txt");
const SERVE_THE_PEOPLE: &str =
    include_str!("../../../tests/corpus/04_mao1944_serve-the-people_short.txt");
const SPLIT_QUOTES: &str =
    include_str!("../../../tests/corpus/08_cpc11-1977_political-report_split-quotes.txt");

/// Every corpus file with its counts of `“` and `‘` from SOURCES.md.
const CORPUS: &[(&str, &str, usize, usize)] = &[
    ("00", SEED, 73, 4),
    (
        "02",
        include_str!("../../../tests/corpus/02_xi2020-01-08_theme-education-summary_oneline.txt"),
        52,
        0,
    ),
    (
        "03",
        include_str!("../../../tests/corpus/03_xi2020-12-12_climate-ambition-summit_short.txt"),
        1,
        0,
    ),
    ("04", SERVE_THE_PEOPLE, 4, 0),
    (
        "05",
        include_str!("../../../tests/corpus/05_mao1942_oppose-stereotyped-party-writing.txt"),
        65,
        6,
    ),
    (
        "07",
        include_str!(
            "../../../tests/corpus/07_renzhengfei1999_ipd-mobilisation-speech_markdown.txt"
        ),
        1,
        0,
    ),
    ("08", SPLIT_QUOTES, 314, 10),
    (
        "09",
        include_str!("../../../tests/corpus/09_cpc12-1982_report_shouxian-qici.txt"),
        64,
        0,
    ),
    (
        "11",
        include_str!("../../../tests/corpus/11_gwr1955_first-five-year-plan_very-long.txt"),
        47,
        0,
    ),
    (
        "12",
        include_str!("../../../tests/corpus/12_gwr1958_fullwidth-digit-items.txt"),
        12,
        0,
    ),
    (
        "14",
        include_str!("../../../tests/corpus/14_gwr2017_zero-width-breaks.txt"),
        65,
        0,
    ),
    (
        "15",
        include_str!("../../../tests/corpus/15_gwr2026_neimenggu_web-boilerplate-yiyao.txt"),
        129,
        0,
    ),
    (
        "17",
        include_str!("../../../tests/corpus/17_mao1937_report-outline_arabic-1dun.txt"),
        24,
        1,
    ),
    (
        "18",
        include_str!(
            "../../../tests/corpus/18_mao1938_on-protracted-war_lecture_very-long_markdown.txt"
        ),
        98,
        1,
    ),
];

fn find<'a>(quotes: &'a [Quote], text: &str) -> Option<&'a Quote> {
    quotes.iter().find(|quote| quote.text == text)
}

#[test]
fn seed_speech() {
    let (quotes, diagnostics) = find_quotes(SEED);
    assert_eq!(diagnostics, []);
    let attributed = quotes
        .iter()
        .position(|quote| quote.kind == QuoteKind::Attributed)
        .expect("the attributed quotation");
    let xi = &quotes[attributed];
    assert!(xi.speaker.as_deref().is_some_and(|s| s.contains("习近平")));
    assert!(xi.text.starts_with("许多违纪违法的"));
    // Its nested ‘一把手’ comes right after it.
    let nested = &quotes[attributed + 1];
    assert_eq!(
        (nested.kind, nested.text.as_str()),
        (QuoteKind::Term, "一把手")
    );
    assert!(xi.span.contains(nested.span));
    let saying = find(&quotes, "善除害者察其本，善理疾者绝其源。").expect("the saying");
    assert_eq!(saying.kind, QuoteKind::Saying);
    for term in ["一把手", "四个意识", "两个维护", "圈子"] {
        assert_eq!(
            find(&quotes, term).map(|q| q.kind),
            Some(QuoteKind::Term),
            "{term}"
        );
    }
}

#[test]
fn serve_the_people() {
    let (quotes, _) = find_quotes(SERVE_THE_PEOPLE);
    let sima = find(&quotes, "人固有一死，或重于泰山，或轻于鸿毛。").expect("司马迁's line");
    assert_eq!(sima.speaker.as_deref(), Some("司马迁"));
    assert_eq!(
        find(&quotes, "精兵简政").map(|q| q.kind),
        Some(QuoteKind::Term)
    );
}

#[test]
fn split_quotations_in_the_1977_report() {
    let (quotes, _) = find_quotes(SPLIT_QUOTES);
    let jiang = find(
        &quotes,
        "她（指江青）算上海帮呢！你们要注意呢，不要搞成四人小宗派呢。",
    );
    assert_eq!(jiang.and_then(|q| q.speaker.as_deref()), Some("毛主席"));
    assert!(quotes.iter().all(|quote| !quote.text.contains('\n')));

    // Most quotations introduced by 毛主席…说： / 指出： are his.
    let chars: Vec<char> = SPLIT_QUOTES.chars().collect();
    let mut introduced = 0;
    let mut attributed = 0;
    for quote in &quotes {
        let before: String = chars[quote.span.start.saturating_sub(30)..quote.span.start]
            .iter()
            .collect();
        let before = before.trim_end();
        let clause = before.rsplit(['。', '”', '\n']).next().unwrap_or(before);
        let verb = ["说：", "指出：", "教导我们：", "批示：", "指示："];
        if clause.contains("毛主席") && verb.iter().any(|v| clause.ends_with(v)) {
            introduced += 1;
            attributed += usize::from(quote.speaker.as_deref() == Some("毛主席"));
        }
    }
    assert!(
        introduced >= 20,
        "{introduced} quotations introduced by 毛主席"
    );
    assert!(
        attributed * 10 >= introduced * 9,
        "{attributed} of {introduced} attributed"
    );
}

#[test]
fn corpus_counts_and_invariants() {
    for &(name, text, double, single) in CORPUS {
        let (quotes, diagnostics) = find_quotes(text);
        let chars: Vec<char> = text.chars().collect();
        let opened_by = |mark: char| {
            quotes
                .iter()
                .filter(|q| chars[q.span.start] == mark)
                .count()
        };
        assert!(
            opened_by('“').abs_diff(double) <= 3,
            "{name}: “ {}",
            opened_by('“')
        );
        assert!(
            opened_by('‘').abs_diff(single) <= 3,
            "{name}: ‘ {}",
            opened_by('‘')
        );
        assert_eq!(diagnostics, [], "{name}");
        assert_spans_sound(&quotes, chars.len());
        for quote in &quotes {
            assert!(quote.text.chars().count() <= 2000, "{name}: {}", quote.text);
            assert_eq!(quote.kind == QuoteKind::Attributed, quote.speaker.is_some());
        }
    }
}

/// Spans lie inside the text, hold at least their two marks, come in
/// order of their start, and nest or are disjoint.
#[track_caller]
fn assert_spans_sound(quotes: &[Quote], chars: usize) {
    for quote in quotes {
        assert!(quote.span.start + 2 <= quote.span.end && quote.span.end <= chars);
    }
    for pair in quotes.windows(2) {
        let (first, second) = (pair[0].span, pair[1].span);
        assert!(first.start < second.start);
        assert!(first.contains(second) || first.end <= second.start);
    }
}

// --- Random input -----------------------------------------------------------

/// A xorshift generator: enough randomness to shuffle marks, no crate.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % bound as u64) as usize
    }
}

#[test]
fn random_marks_never_panic_and_spans_stay_sound() {
    let alphabet: Vec<char> =
        "“”‘’「」『』\n\n  \u{200B}\u{FEFF}\u{00A0}　。，：！说过毛主席所的地在一年a’*𠀀"
            .chars()
            .collect();
    let mut random = Random(0x9E37_79B9_7F4A_7C15);
    for _ in 0..3000 {
        let length = random.below(120);
        let text: String = (0..length)
            .map(|_| alphabet[random.below(alphabet.len())])
            .collect();
        let (quotes, diagnostics) = find_quotes(&text);
        let chars = text.chars().count();
        assert_spans_sound(&quotes, chars);
        for diagnostic in &diagnostics {
            assert!(diagnostic.span.end <= chars, "{text:?}");
        }
        for quote in &quotes {
            assert!(quote.text.chars().count() <= quote.span.len(), "{text:?}");
        }
    }
}

#[test]
fn adversarial_input_finishes() {
    // Marks that all stay open, all nest, or all stray: each is linear.
    for text in [
        "“".repeat(100_000),
        "“‘".repeat(50_000) + &"’”".repeat(50_000),
        "”".repeat(100_000),
        "说：“".repeat(30_000),
    ] {
        let (quotes, diagnostics) = find_quotes(&text);
        assert!(quotes.len() + diagnostics.len() <= text.chars().count());
    }
}
