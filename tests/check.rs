#![cfg(not(target_arch = "wasm32"))]
//! Small hand-written cases, one rule each, in the style of rust-analyzer's
//! data-driven tests: every test is `check(input, expected)`, and
//! [`check`] is the only place that touches the parser's API.
//!
//! The expected text is the outline as an indented tree, one line per
//! listed node, two spaces per level:
//!
//! ```text
//! title 在全市工作会议上的讲话        the title, if any
//! front （2020年1月8日）               front matter, preamble, closing, back
//! part 一、提高认识                    kind, then label and heading as written
//!   task 一要统一思想
//!   point 必须充分认识到               points have no label
//! ```
//!
//! Plain paragraphs are not listed; their structural children are, at the
//! paragraph's depth. Indentation of `expected` is normalised, so cases can
//! be indented with the code.

mod support;

use gangmu::{Document, Node, NodeKind};

fn check(input: &str, expected: &str) {
    let doc = gangmu::parse(input);
    let actual = render(&doc);
    let expected = normalise(expected);
    assert!(
        actual == expected,
        "\n--- input ---\n{input}\n--- expected ---\n{expected}--- actual ---\n{actual}"
    );
}

fn render(doc: &Document) -> String {
    let mut out = String::new();
    if let Some(title) = &doc.title {
        out.push_str(&format!("title {title}\n"));
    }
    for node in &doc.nodes {
        render_node(node, 0, &mut out);
    }
    out
}

fn render_node(node: &Node, depth: usize, out: &mut String) {
    let kind = match node.kind {
        NodeKind::Paragraph => None,
        NodeKind::Front => Some("front"),
        NodeKind::Preamble => Some("preamble"),
        NodeKind::Part => Some("part"),
        NodeKind::Section => Some("section"),
        NodeKind::Task => Some("task"),
        NodeKind::Point => Some("point"),
        NodeKind::Closing => Some("closing"),
        NodeKind::Appendix => Some("appendix"),
        NodeKind::Back => Some("back"),
    };
    let child_depth = match kind {
        Some(kind) => {
            let label = node.label.as_deref().unwrap_or("");
            let indent = "  ".repeat(depth);
            out.push_str(&format!("{indent}{kind} {label}{}\n", node.heading));
            depth + 1
        }
        None => depth,
    };
    for child in &node.children {
        render_node(child, child_depth, out);
    }
}

/// Removes the common indentation and blank lines at either end.
fn normalise(expected: &str) -> String {
    let lines: Vec<&str> = expected
        .lines()
        .skip_while(|line| line.trim().is_empty())
        .collect();
    let lines = match lines.iter().rposition(|line| !line.trim().is_empty()) {
        Some(last) => &lines[..=last],
        None => &[][..],
    };
    let indent = lines
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|line| format!("{}\n", line.get(indent..).unwrap_or("").trim_end()))
        .collect()
}

// ---------------------------------------------------------------------------
// Numbered levels

#[test]
fn four_levels_cn_comma_cn_paren_arabic_dot_arabic_paren() {
    check(
        "一、提高认识\n（一）统一思想\n1.学习文件\n（1）原文原著\n（2）辅导材料\n2.开展讨论\n（二）狠抓落实\n二、抓好落实\n",
        "
        part 一、提高认识
          section （一）统一思想
            section 1.学习文件
              section （1）原文原著
              section （2）辅导材料
            section 2.开展讨论
          section （二）狠抓落实
        part 二、抓好落实
        ",
    );
}

#[test]
fn half_width_brackets() {
    check(
        "一、总体要求\n(一)统一思想\n认真学习。\n(二)狠抓落实\n认真落实。\n二、保障措施\n加强领导。\n",
        "
        part 一、总体要求
          section (一)统一思想
          section (二)狠抓落实
        part 二、保障措施
        ",
    );
}

#[test]
fn arabic_numeral_with_dun_comma() {
    check(
        "一、主要任务\n1、学习文件\n认真学习。\n2、开展讨论\n认真讨论。\n二、保障措施\n加强领导。\n",
        "
        part 一、主要任务
          section 1、学习文件
          section 2、开展讨论
        part 二、保障措施
        ",
    );
}

#[test]
fn full_width_digits_in_full_width_brackets() {
    check(
        "一、主要任务\n（１）学习文件\n认真学习。\n（２）开展讨论\n认真讨论。\n（１０）总结经验\n二、保障措施\n加强领导。\n",
        "
        part 一、主要任务
          section （１）学习文件
          section （２）开展讨论
        part 二、保障措施
        ",
    );
}

#[test]
fn circled_numbers_at_line_start() {
    check(
        "一、主要任务\n①学习文件\n认真学习。\n②开展讨论\n认真讨论。\n③总结经验\n认真总结。\n二、保障措施\n加强领导。\n",
        "
        part 一、主要任务
          section ①学习文件
          section ②开展讨论
          section ③总结经验
        part 二、保障措施
        ",
    );
}

#[test]
fn bare_numeral_alone_on_its_line_takes_the_next_line() {
    check(
        "一、\n提高认识\n我们要提高认识。\n二、\n抓好落实\n我们要抓好落实。\n",
        "
        part 一、提高认识
        part 二、抓好落实
        ",
    );
}

#[test]
fn numeral_and_full_width_space() {
    check(
        "一　目前形势\n形势很好。\n二　我们的任务\n任务很重。\n",
        "
        part 一　目前形势
        part 二　我们的任务
        ",
    );
}

#[test]
fn part_words() {
    check(
        "第一部分　总体要求\n认真学习。\n第二部分　主要任务\n认真落实。\n",
        "
        part 第一部分总体要求
        part 第二部分主要任务
        ",
    );
}

#[test]
fn a_document_that_starts_at_paren_numbers_makes_them_parts() {
    check(
        "（一）统一思想\n认真学习。\n（二）狠抓落实\n认真落实。\n1.加强督查\n2.严肃问责\n",
        "
        part （一）统一思想
        part （二）狠抓落实
          section 1.加强督查
          section 2.严肃问责
        ",
    );
}

#[test]
fn a_skipped_level_nests_directly() {
    check(
        "一、主要任务\n1.学习文件\n2.开展讨论\n二、保障措施\n1.加强领导\n2.强化督查\n",
        "
        part 一、主要任务
          section 1.学习文件
          section 2.开展讨论
        part 二、保障措施
          section 1.加强领导
          section 2.强化督查
        ",
    );
}

// ---------------------------------------------------------------------------
// Series of tasks

#[test]
fn yao_series_at_paragraph_start() {
    check(
        "一、重点任务\n一要统一思想，认清形势，这是最重要的事情。\n二要狠抓落实，确保各项任务按时完成见到实效。\n三要加强督查，发现问题及时整改到位不留死角。\n二、组织领导\n加强领导。\n",
        "
        part 一、重点任务
          task 一要统一思想，认清形势，这是最重要的事情
          task 二要狠抓落实，确保各项任务按时完成见到实效
          task 三要加强督查，发现问题及时整改到位不留死角
        part 二、组织领导
        ",
    );
}

#[test]
fn yao_series_inline() {
    check(
        "一、重点任务\n今年要做好三件事。一要统一思想，认清形势，这是最重要的事情。二要狠抓落实，确保各项任务按时完成见到实效。三要加强督查，发现问题及时整改到位不留死角。\n二、组织领导\n加强领导。\n",
        "
        part 一、重点任务
          task 一要统一思想，认清形势，这是最重要的事情
          task 二要狠抓落实，确保各项任务按时完成见到实效
          task 三要加强督查，发现问题及时整改到位不留死角
        part 二、组织领导
        ",
    );
}

#[test]
fn shi_series_inline_after_comma_and_semicolon() {
    check(
        "一、工作成效\n一年来成绩显著，一是经济持续健康发展，主要指标保持在合理区间；二是改革开放不断深化，重点领域改革取得突破；三是民生福祉持续增进，群众获得感明显增强。\n二、存在问题\n问题不少。\n",
        "
        part 一、工作成效
          task 一是经济持续健康发展，主要指标保持在合理区间
          task 二是改革开放不断深化，重点领域改革取得突破
          task 三是民生福祉持续增进，群众获得感明显增强
        part 二、存在问题
        ",
    );
}

#[test]
fn ordinal_with_comma() {
    check(
        "一、重点任务\n下面讲三点意见。第一，要提高政治站位，切实增强责任感和使命感。第二，要突出工作重点，集中力量解决突出问题。第三，要加强组织领导，确保各项任务落到实处。\n二、组织领导\n加强领导。\n",
        "
        part 一、重点任务
          task 第一，要提高政治站位，切实增强责任感和使命感
          task 第二，要突出工作重点，集中力量解决突出问题
          task 第三，要加强组织领导，确保各项任务落到实处
        part 二、组织领导
        ",
    );
}

#[test]
fn ordinal_with_dun_comma() {
    check(
        "一、重点任务\n第一、关于基本建设，要集中力量保证重点项目。\n第二、关于工业生产，要继续提高劳动生产率。\n第三、关于农业生产，要大力兴修水利。\n二、组织领导\n加强领导。\n",
        "
        part 一、重点任务
          task 第一、关于基本建设，要集中力量保证重点项目
          task 第二、关于工业生产，要继续提高劳动生产率
          task 第三、关于农业生产，要大力兴修水利
        part 二、组织领导
        ",
    );
}

#[test]
fn shouxian_qici_zaici_zuihou() {
    check(
        "一、重点任务\n首先，统一思想，认清形势，这是最重要的事情。\n其次，狠抓落实，确保各项任务按时完成见到实效。\n再次，加强督查，发现问题及时整改。\n最后，总结经验，形成长效机制。\n二、组织领导\n加强领导。\n",
        "
        part 一、重点任务
          task 首先，统一思想，认清形势，这是最重要的事情
          task 其次，狠抓落实，确保各项任务按时完成见到实效
          task 再次，加强督查，发现问题及时整改
          task 最后，总结经验，形成长效机制
        part 二、组织领导
        ",
    );
}

#[test]
fn series_nest_under_the_part_they_occur_in() {
    check(
        "一、提高认识\n认识很重要。\n二、重点任务\n一要统一思想，认清形势，这是最重要的事情。\n二要狠抓落实，确保各项任务按时完成见到实效。\n三、组织领导\n一要压实政治责任，强化政治担当。\n二要加强监督检查，严格跟踪问效。\n",
        "
        part 一、提高认识
        part 二、重点任务
          task 一要统一思想，认清形势，这是最重要的事情
          task 二要狠抓落实，确保各项任务按时完成见到实效
        part 三、组织领导
          task 一要压实政治责任，强化政治担当
          task 二要加强监督检查，严格跟踪问效
        ",
    );
}

#[test]
fn parallel_paragraphs_are_points() {
    check(
        "一、深刻认识重大意义\n必须充分认识到，开展专项行动是政治要求。\n必须清醒认识到，我市政治生态还有不少问题。\n必须深刻认识到，修复政治生态是长期任务。\n二、重点任务\n加强领导。\n",
        "
        part 一、深刻认识重大意义
          point 必须充分认识到
          point 必须清醒认识到
          point 必须深刻认识到
        part 二、重点任务
        ",
    );
}

#[test]
fn a_frame_around_what_differs_opens_points() {
    // 在…方面 (a government work report's review): one character shared in
    // front and two behind are parallel too.
    check(
        "一、成绩\n二、为完成计划而奋斗\n在基本建设方面：两年来基本建设计划，每年都接近完成。\n在工业生产方面：两个年度计划都超额完成。\n在农业生产方面：由于春旱，农业计划没有完成。\n",
        "
        part 一、成绩
        part 二、为完成计划而奋斗
          point 在基本建设方面
          point 在工业生产方面
          point 在农业生产方面
        ",
    );
    // One character in front and one behind are not a frame.
    check(
        "一、工作\n我们加强了领导，成效明显。\n我省改进了作风，成效明显。\n我市落实了责任，成效明显。\n",
        "
        part 一、工作
        ",
    );
}

#[test]
fn a_frame_said_again_and_again_opens_points_headed_by_their_sentence() {
    check(
        "一、五年来的成就\n这五年，我们锐意改革、矢志创新，经济高质量发展取得显著成效。全市生产总值迈上新台阶。\n这五年，我们赓续文脉、传承发展，文化软实力不断提升。\n这五年，我们系统治理、持续攻坚，绿色底色更加鲜明。\n二、今后五年\n任务艰巨。\n",
        "
        part 一、五年来的成就
          point 这五年，我们锐意改革、矢志创新，经济高质量发展取得显著成效
          point 这五年，我们赓续文脉、传承发展，文化软实力不断提升
          point 这五年，我们系统治理、持续攻坚，绿色底色更加鲜明
        part 二、今后五年
        ",
    );
    // A speaker's name before a colon, said again in minutes, is no frame.
    check(
        "一、讨论\n张国强：我们要加强财经队伍建设。\n张国强：还要提高核算效率。\n张国强：最后是风险控制。\n二、结论\n同意。\n",
        "
        part 一、讨论
        part 二、结论
        ",
    );
}

#[test]
fn a_counted_noun_after_a_measure_word_is_labeled_with_it() {
    check(
        "一、战争的特点\n第一个特点，中国是一个政治经济发展不平衡的大国。\n第二个特点是敌人的强大。\n第三个特点是红军的弱小。\n二、战略\n第一个五年计划，是我们的开端。\n",
        "
        part 一、战争的特点
          task 第一个特点，中国是一个政治经济发展不平衡的大国
          task 第二个特点是敌人的强大
          task 第三个特点是红军的弱小
        part 二、战略
        ",
    );
}

#[test]
fn a_bare_counted_measure_after_a_speaker_in_minutes_is_labeled() {
    // Minutes: a post and a name before the colon, then 第一个，.
    check(
        "一、座谈发言\n广州代表处助理 潘少钦：第一个，我感觉一线的流程化能力要低不少。\n广州代表处助理 潘少钦：第二个，我感觉单兵作战的能力在下降。\n二、总结\n同意。\n",
        "
        part 一、座谈发言
          task 第一个，我感觉一线的流程化能力要低不少
          task 第二个，我感觉单兵作战的能力在下降
        part 二、总结
        ",
    );
    // A lead-in with no space before its colon is no speaker: the series
    // it announces stays inside its paragraph.
    check(
        "一、任务\n总体要求：一是稳增长。二是促改革。\n二、保障\n同意。\n",
        "
        part 一、任务
          task 一是稳增长
          task 二是促改革
        part 二、保障
        ",
    );
}

#[test]
fn a_series_whose_first_member_ends_a_paragraph_goes_on_in_the_next() {
    // The lead sentence and 第一， share a paragraph; 第二， and 第三， open
    // the paragraphs after it.
    check(
        "一、集中兵力\n集中兵力之所以必要，是为了改变敌我的形势。第一，是为了改变进退的形势。过去是敌进我退。\n第二，是为了改变攻守的形势。反攻属于积极阶段。\n第三，是为了改变内外线的形势。把它改变过来。\n二、运动战\n打得赢就打。\n",
        "
        part 一、集中兵力
          task 第一，是为了改变进退的形势
          task 第二，是为了改变攻守的形势
          task 第三，是为了改变内外线的形势
        part 二、运动战
        ",
    );
    check(
        "一、主要工作\n今年主要做了以下工作：一是稳增长，经济运行在合理区间。\n二是促改革，活力进一步增强。\n三是惠民生，获得感增强。\n二、今年安排\n同意。\n",
        "
        part 一、主要工作
          task 一是稳增长，经济运行在合理区间
          task 二是促改革，活力进一步增强
          task 三是惠民生，获得感增强
        part 二、今年安排
        ",
    );
    // A 第一 inside a clause is no member, and a paragraph that does not go
    // on with 第二 leaves the one before it whole.
    check(
        "一、回顾\n这是第一，也是唯一的一次。\n第二，我们要总结经验。\n二、展望\n我们看到了第一，个别地方还有问题。\n大家要努力。\n",
        "
        part 一、回顾
        part 二、展望
        ",
    );
}

#[test]
fn a_list_said_as_one_sentence_a_line_each_ends_before_the_discussion() {
    // （一）…； / （二）…； / （三）…。 then paragraphs about them: these
    // belong to the section, not to its last item, and a series after
    // them stands beside the items.
    check(
        "一、战略退却\n须取得下列诸种条件：\n（一）积极援助红军的人民；\n（二）有利作战的阵地；\n（三）使敌人发生过失。\n人民这个条件，对于红军是最重要的条件。\n退却终点可分为三种。第一种终点，在根据地前面。\n第二种终点，在根据地侧面。\n第三种终点，在根据地后面。\n二、战略反攻\n反攻开始。\n",
        "
        part 一、战略退却
          section （一）积极援助红军的人民
          section （二）有利作战的阵地
          section （三）使敌人发生过失
          task 第一种终点，在根据地前面
          task 第二种终点，在根据地侧面
          task 第三种终点，在根据地后面
        part 二、战略反攻
        ",
    );
}

#[test]
fn yi_ling_after_jiu_is_the_tenth_item_of_a_list() {
    check(
        "一、措施\n当时的情况是：（一）第一项措施要落实到位。（二）第二项措施要落实到位。（三）第三项措施要落实到位。（四）第四项措施要落实到位。（五）第五项措施要落实到位。（六）第六项措施要落实到位。（七）第七项措施要落实到位。（八）第八项措施要落实到位。（九）第九项措施要落实到位。（一○）第十项措施要落实到位。\n二、结论\n同意。\n",
        "
        part 一、措施
          section （一）第一项措施要落实到位
          section （二）第二项措施要落实到位
          section （三）第三项措施要落实到位
          section （四）第四项措施要落实到位
          section （五）第五项措施要落实到位
          section （六）第六项措施要落实到位
          section （七）第七项措施要落实到位
          section （八）第八项措施要落实到位
          section （九）第九项措施要落实到位
          section （一○）第十项措施要落实到位
        part 二、结论
        ",
    );
}

// ---------------------------------------------------------------------------
// Not structure

#[test]
fn yi_er_xian_chengshi_is_not_a_heading() {
    check(
        "一、加强建设\n一、二线城市房价上涨较快，需要加强调控。\n二、改善民生\n办好实事。\n",
        "
        part 一、加强建设
        part 二、改善民生
        ",
    );
}

#[test]
fn di_yi_ci_is_not_an_ordinal() {
    check(
        "一、加强建设\n第一次会议在北京召开，会议研究了重要事项。\n第二次会议在上海召开，会议研究了具体措施。\n二、改善民生\n办好实事。\n",
        "
        part 一、加强建设
        part 二、改善民生
        ",
    );
}

#[test]
fn yi_shi_yi_er_shi_er_is_not_a_series() {
    check(
        "一、加强建设\n一是一、二是二，这是我们一贯的原则，大家都要遵守。\n二、改善民生\n办好实事。\n",
        "
        part 一、加强建设
        part 二、改善民生
        ",
    );
}

#[test]
fn a_lone_di_yi_is_not_a_series() {
    check(
        "一、加强建设\n第一，要统一思想，认清形势，这是最重要的事情。\n我们还要继续努力。\n二、改善民生\n办好实事。\n",
        "
        part 一、加强建设
        part 二、改善民生
        ",
    );
}

#[test]
fn numbers_inside_sentences_are_not_structure() {
    check(
        "一、加强建设\n今年完成投资1.5亿元，比上年增长3.2%，新建学校12所。\n2016年以来，有两个可能性：第一，改过来；第二，改不过来。\n二、改善民生\n办好实事。\n",
        "
        part 一、加强建设
        part 二、改善民生
        ",
    );
}

#[test]
fn footnote_markers_mid_sentence_are_not_structure() {
    check(
        "一、加强建设\n这是人民的选择⑴，也是历史的选择①，我们必须坚持⑵。\n这是历史的结论②，我们必须牢记。\n二、改善民生\n办好实事。\n",
        "
        part 一、加强建设
        part 二、改善民生
        ",
    );
}

// ---------------------------------------------------------------------------
// Text as pasted

const SPEECH: &str = "在全市工作会议上的讲话\n\n同志们：\n今天我们召开会议，主要任务是部署工作。\n一、提高认识\n一要统一思想，认清形势，这是最重要的事情。\n二要狠抓落实，确保各项任务按时完成见到实效。\n二、加强领导\n各级党委要加强领导。\n同志们，任务艰巨，让我们共同努力！\n";

const SPEECH_OUTLINE: &str = "
    title 在全市工作会议上的讲话
    preamble 同志们：
    part 一、提高认识
      task 一要统一思想，认清形势，这是最重要的事情
      task 二要狠抓落实，确保各项任务按时完成见到实效
    part 二、加强领导
    closing 同志们，任务艰巨，让我们共同努力
    ";

#[test]
fn plain_speech() {
    check(SPEECH, SPEECH_OUTLINE);
}

#[test]
fn crlf_line_ends() {
    check(&SPEECH.replace('\n', "\r\n"), SPEECH_OUTLINE);
}

#[test]
fn lf_blank_separated_short_lines_are_not_headings() {
    check(
        "同志们：\n\n形势和任务很重要\n\n今年的工作\n很重\n\n",
        "preamble 同志们：",
    );
}

#[test]
fn crlf_does_not_make_a_heading() {
    check(
        "同志们：\r\n\r\n形势和任务很重要\r\n\r\n今年的工作\r\n很重\r\n\r\n",
        "preamble 同志们：",
    );
}

/// A salutation is looked for within 60 chars of text: line ends and
/// indentation do not count (the proptest `crlf_parses_like_lf` found a
/// salutation lost to three \r).
#[test]
fn a_salutation_is_found_however_its_lines_end() {
    let text = "同志们，\n\u{200B}\n\u{3000}\u{3000}一、一是经济发展，二是社会稳定；（2020年1月8日）（2020年1月8日）；\n\u{A0}\u{A0}同志们，他说：\n\n。\n";
    let expected = "front 同志们，一、一是经济发展，二是社会稳定\npreamble 同志们，他说：";
    check(text, expected);
    check(&text.replace('\n', "\r\n"), expected);
    check(
        &text.replace("\n\u{A0}", "\n\u{3000}\u{3000}\u{3000}\u{3000}\u{A0}"),
        expected,
    );
}

#[test]
fn byte_order_mark() {
    check(&format!("\u{FEFF}{SPEECH}"), SPEECH_OUTLINE);
}

#[test]
fn zero_width_spaces() {
    let text = SPEECH
        .replace("一、提高认识", "\u{200B}一、提高认识")
        .replace("主要任务", "主要\u{200B}任务")
        .replace("\n二要", "\n\u{200B}\n二要");
    check(&text, SPEECH_OUTLINE);
}

#[test]
fn no_break_space_indentation() {
    let text = SPEECH
        .replace("\n一要", "\n\u{A0}\u{A0}一要")
        .replace("\n二要", "\n\u{A0}\u{A0}二要")
        .replace("\n同志们，", "\n\u{A0}\u{A0}同志们，");
    check(&text, SPEECH_OUTLINE);
}

#[test]
fn full_width_space_indentation() {
    let text = SPEECH
        .replace("\n今天", "\n\u{3000}\u{3000}今天")
        .replace("\n一要", "\n\u{3000}\u{3000}一要")
        .replace("\n二要", "\n\u{3000}\u{3000}二要")
        .replace("\n各级", "\n\u{3000}\u{3000}各级");
    check(&text, SPEECH_OUTLINE);
}

#[test]
fn markdown_headings_bold_and_block_quotes() {
    check(
        "# 在全市工作会议上的讲话\n\n> 编者按：这是一篇讲话。\n\n同志们：\n\n## 一、提高认识\n\n**一要统一思想**，认清形势，这是最重要的事情。\n\n**二要狠抓落实**，确保各项任务按时完成见到实效。\n\n## 二、加强领导\n\n各级党委要加强领导。\n",
        "
        title 在全市工作会议上的讲话
        front 编者按：这是一篇讲话。
        preamble 同志们：
        part 一、提高认识
          task 一要统一思想
          task 二要狠抓落实
        part 二、加强领导
        ",
    );
}

#[test]
fn markdown_headings_with_numbers_nest_by_level() {
    // As Word headings come in from .docx: numbered and unnumbered headings
    // mixed, nested by their Markdown level.
    check(
        "# 一、总体要求\n\n## 加强学习\n\n正文。\n\n## 狠抓落实\n\n正文。\n\n# 二、保障措施\n\n正文。\n",
        "
        part 一、总体要求
          section 加强学习
          section 狠抓落实
        part 二、保障措施
        ",
    );
}

#[test]
fn a_whole_speech_on_one_line() {
    check(
        "在全市工作会议上的讲话（2020年1月8日）张三同志们：今天我们召开会议，主要任务是部署工作。一年来，我们取得了很大成绩，一是经济持续健康发展，主要指标保持在合理区间；二是改革开放不断深化，重点领域改革取得突破；三是民生福祉持续增进，群众获得感明显增强。",
        "
        title 在全市工作会议上的讲话
        front （2020年1月8日）
        front 张三
        preamble 同志们：
        task 一是经济持续健康发展，主要指标保持在合理区间
        task 二是改革开放不断深化，重点领域改革取得突破
        task 三是民生福祉持续增进，群众获得感明显增强
        ",
    );
}

#[test]
fn a_later_series_on_one_line_stands_beside_the_first() {
    check(
        "同志们：一年来，我们取得了很大成绩，一是经济持续健康发展，主要指标保持在合理区间；二是改革开放不断深化，重点领域改革取得突破；三是民生福祉持续增进，群众获得感明显增强。同时也要看到，我们的工作还存在不少问题。下面，我讲几点意见。第一，要提高政治站位，切实增强责任感和使命感。第二，要突出工作重点，集中力量解决突出问题。第三，要加强组织领导，确保各项任务落到实处。",
        "
        preamble 同志们：
        task 一是经济持续健康发展，主要指标保持在合理区间
        task 二是改革开放不断深化，重点领域改革取得突破
        task 三是民生福祉持续增进，群众获得感明显增强
        task 第一，要提高政治站位，切实增强责任感和使命感
        task 第二，要突出工作重点，集中力量解决突出问题
        task 第三，要加强组织领导，确保各项任务落到实处
        ",
    );
}

// ---------------------------------------------------------------------------
// Front matter and closing

#[test]
fn title_over_two_lines_in_blank_separated_text() {
    check(
        "政府工作报\n告\n\n——2017年3月5日在第十二届全国人民代表大会第五次会议上\n\n国务院总理\n　李克强\n\n各位代表：\n\n现在，我代表国务院，向大会报告政府工作。\n\n一、回顾\n\n成绩显著。\n\n二、任务\n\n任务艰巨。\n",
        "
        title 政府工作报告
        front ——2017年3月5日在第十二届全国人民代表大会第五次会议上
        front 国务院总理李克强
        preamble 各位代表：
        part 一、回顾
        part 二、任务
        ",
    );
}

#[test]
fn yaml_front_matter_is_metadata_not_the_speech() {
    check(
        "---\ntitle: \"在全市工作会议上的讲话\"\ndate: 2020-01-08\ntags:\n  - 讲话\n---\n\n# 在全市工作会议上的讲话\n\n同志们：\n\n一、提高认识\n\n认识很重要。\n\n二、狠抓落实\n\n落实很重要。\n",
        "
        title 在全市工作会议上的讲话
        preamble 同志们：
        part 一、提高认识
        part 二、狠抓落实
        ",
    );
    // A rule line that opens a text with no metadata after it is no front matter.
    check(
        "---\n在全市工作会议上的讲话\n---\n同志们：\n一、提高认识\n认识很重要。\n",
        "
        title 在全市工作会议上的讲话
        preamble 同志们：
        part 一、提高认识
        ",
    );
}

#[test]
fn title_over_two_lines_before_a_blank_line() {
    check(
        "在全市以案促改警示教育暨全面修复净化政治生态集中专项行动\n动员大会上的讲话\n\n同志们：\n今天我们召开会议，主要任务是部署工作。\n一、提高认识\n认识很重要。\n二、狠抓落实\n落实很重要。\n",
        "
        title 在全市以案促改警示教育暨全面修复净化政治生态集中专项行动动员大会上的讲话
        preamble 同志们：
        part 一、提高认识
        part 二、狠抓落实
        ",
    );
}

#[test]
fn subtitle_date_speaker_and_salutation() {
    check(
        "在全市工作会议上的讲话\n——在2020年全市经济工作会议上\n（2020年1月8日）\n张三\n同志们：\n今天我们召开会议，主要任务是部署工作。\n一、提高认识\n认识很重要。\n二、狠抓落实\n落实很重要。\n",
        "
        title 在全市工作会议上的讲话
        front ——在2020年全市经济工作会议上
        front （2020年1月8日）
        front 张三
        preamble 同志们：
        part 一、提高认识
        part 二、狠抓落实
        ",
    );
}

#[test]
fn diplomatic_salutation() {
    check(
        "尊敬的古特雷斯秘书长先生，尊敬的各位同事：\n很高兴出席今天的峰会。我提3点倡议。第一，团结一心，开创合作共赢的气候治理新局面。第二，提振雄心，形成各尽所能的气候治理新体系。第三，增强信心，坚持绿色复苏的气候治理新思路。\n",
        "
        preamble 尊敬的古特雷斯秘书长先生，尊敬的各位同事：
        task 第一，团结一心，开创合作共赢的气候治理新局面
        task 第二，提振雄心，形成各尽所能的气候治理新体系
        task 第三，增强信心，坚持绿色复苏的气候治理新思路
        ",
    );
}

#[test]
fn closing_address_after_the_last_part() {
    check(
        "同志们：\n今天我们召开会议。\n一、提高认识\n认识很重要。\n二、狠抓落实\n落实很重要。\n同志们，任务艰巨，让我们共同努力！\n我们一定能够完成任务。\n",
        "
        preamble 同志们：
        part 一、提高认识
        part 二、狠抓落实
        closing 同志们，任务艰巨，让我们共同努力
        ",
    );
}

#[test]
fn check_renders_paragraph_children_at_the_paragraph_depth() {
    // The helper itself: nothing is listed for plain text.
    check("今天天气很好。\n我们去公园。\n", "");
}

#[test]
fn a_lone_heading_line_is_still_a_part() {
    check(
        "同志们：\n一、输入法\n正文。\n",
        "
        preamble 同志们：
        part 一、输入法
        ",
    );
}

#[test]
fn a_lone_run_in_ordinal_is_a_sentence_and_holds_nothing() {
    let doc = gangmu::parse("同志们：\n今天讲话。\n第一，要学习。\n（一）小节甲。\n正文。\n");
    doc.walk(|node, _| {
        assert!(
            node.kind != NodeKind::Paragraph || node.children.is_empty(),
            "a paragraph holds {:?}",
            node.children
        );
    });
}

#[test]
fn a_one_line_document_without_salutation_keeps_its_title_and_date() {
    let body = "人总是要死的，但死的意义有不同。".repeat(20);
    check(
        &format!("为人民服务（一九四四年九月八日）这是毛泽东的讲演。{body}"),
        "
        title 为人民服务
        front （一九四四年九月八日）
        ",
    );
}

#[test]
fn chapters_hold_their_sections_and_articles() {
    // GB/T 9704 / the legislative hierarchy: 章 > 节 > 条; 第一条 restarts
    // nowhere, each chapter holds the articles that follow it. Articles
    // (第一条　…) are headings of the text, not tasks.
    check(
        "某某工作条例\n第一章　总则\n第一条　为了规范工作，制定本条例。\n第二条　本条例适用于全市。\n第二章　组织\n第一节　领导机构\n第三条　设立领导小组。\n第四条　领导小组负责统筹。\n第二节　工作机构\n第五条　设立办公室。\n第六条　办公室负责日常工作。\n",
        "
         title 某某工作条例
         part 第一章总则
           section 第一条为了规范工作，制定本条例
           section 第二条本条例适用于全市
         part 第二章组织
           section 第一节领导机构
             section 第三条设立领导小组
             section 第四条领导小组负责统筹
           section 第二节工作机构
             section 第五条设立办公室
             section 第六条办公室负责日常工作
        ",
    );
}

#[test]
fn paragraphs_of_a_one_line_paste_separated_by_ideographic_spaces() {
    // A web copy whose line breaks were lost but whose indentation stayed.
    let text = "在全县工作会议上的讲话　　同志们：　　今天召开会议，部署工作。　　一、提高认识　　我们要提高认识，切实把思想统一起来，这是做好工作的前提和基础，大家一定要高度重视。　　二、狠抓落实　　一要压实责任，层层传导压力，确保各项任务落到实处，不留死角，不走过场，真正形成工作合力。二要强化督查，对工作不力的严肃问责，推动各项工作取得实效，向全县人民交出满意答卷。　　同志们，让我们齐心协力，开创新局面！".repeat(2);
    let doc = gangmu::parse(&text);
    let labels: Vec<_> = doc
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Part)
        .filter_map(|n| n.label.as_deref())
        .collect();
    assert_eq!(labels[..2], ["一、", "二、"], "{doc:#?}");
}

#[test]
fn decimal_clauses_hold_lettered_items_that_start_again_under_each() {
    // GB/T 1.1 numbering: 5.1 > 5.1.1 > a) b); the letters start again
    // under every clause, so their many short lists are not paragraph
    // numbers however many items there are in all.
    let mut text = String::from("5 程度分级\n");
    for section in 1..=4 {
        text.push_str(&format!("5.{section} 部位{section}\n"));
        for clause in 1..=5 {
            text.push_str(&format!("5.{section}.{clause} 等级{clause}\n"));
            for item in ["a)甲项。", "b)乙项。", "c)丙项。", "d)丁项。"] {
                text.push_str(item);
                text.push('\n');
            }
        }
    }
    let doc = gangmu::parse(&text);
    let mut items = 0;
    doc.walk(|node, depth| {
        if node.label.as_deref().is_some_and(|l| l.ends_with(')')) {
            assert_eq!(depth, 3, "{node:?}");
            items += 1;
        }
    });
    assert_eq!(items, 80);
}

#[test]
fn an_appendix_numbers_afresh_beside_the_body() {
    // GB/T 9704 附件: after the body and its closing address, each appendix
    // is a top-level node holding the 一、 or 1. it starts again, never
    // more parts of the body nor items of its last section.
    check(
        "在全市工作会议上的讲话\n同志们：\n今天召开会议。\n一、提高认识\n要提高认识。\n二、狠抓落实\n（一）压实责任。\n（二）强化督查。\n同志们，让我们齐心协力，开创新局面！\n附件1\n重点任务清单\n一、开展排查\n二、建立台账\n附件2：名词解释\n1. 台账：记录问题的清单。\n2. 销号：问题整改完成。\n",
        "
         title 在全市工作会议上的讲话
         preamble 同志们：
         part 一、提高认识
         part 二、狠抓落实
           section （一）压实责任
           section （二）强化督查
         closing 同志们，让我们齐心协力，开创新局面
         appendix 附件1重点任务清单
           part 一、开展排查
           part 二、建立台账
         appendix 附件2名词解释
           part 1.台账
           part 2.销号
        ",
    );
    // The word inside a sentence is not a head.
    check(
        "一、总则\n第一条　奏唱国歌，应当按照本法附件所载国歌的歌词和曲谱。\n二、附则\n附件所载曲谱为准。\n",
        "
         part 一、总则
         part 二、附则
        ",
    );
}

#[test]
fn articles_go_under_a_chapter_after_the_sections_of_the_last_closed() {
    // 第三章 has sections; 第四章 holds its articles directly, numbered on.
    check(
        "第三章　罪行\n第一节　甲罪\n第一条　甲。\n第二条　乙。\n第二节　乙罪\n第三条　丙。\n第四章　程序\n第四条　丁。\n第五条　戊。\n",
        "
         part 第三章罪行
           section 第一节甲罪
             section 第一条甲
             section 第二条乙
           section 第二节乙罪
             section 第三条丙
         part 第四章程序
           section 第四条丁
           section 第五条戊
        ",
    );
}

#[test]
fn a_list_of_one_item_keeps_a_level_the_document_uses() {
    // a) b) under 5.1.1, a lone a) under 5.1.2: still an item.
    check(
        "5.1 范围\n5.1.1 重伤\na) 甲伤。\nb) 乙伤。\n5.1.2 轻伤\na) 丙伤。\n",
        "
         part 5.1范围
           section 5.1.1重伤
             section a)甲伤
             section b)乙伤
           section 5.1.2轻伤
             section a)丙伤
        ",
    );
}

#[test]
fn a_law_pasted_as_one_line_keeps_its_title_articles_and_appendix() {
    // A Markdown copy of a law with its line breaks deleted: the `# ` title
    // runs into the adoption record, a label is followed by one space, and
    // the appendix comes after the last article's full stop.
    let articles: String = ["一", "二", "三", "四", "五", "六"]
        .iter()
        .map(|n| format!("第{n}条 为了维护国徽的尊严，增强公民的国家观念和爱国主义精神，根据宪法，制定本法。"))
        .collect();
    let text = format!(
        "# 中华人民共和国某某法1991年3月2日 第七届全国人民代表大会常务委员会第十八次会议通过{articles}附件：中华人民共和国国徽图案"
    );
    let doc = gangmu::parse(&text);
    assert_eq!(doc.title.as_deref(), Some("中华人民共和国某某法"));
    let labels: Vec<_> = doc
        .nodes
        .iter()
        .filter(|n| n.kind.is_structural())
        .map(|n| {
            format!(
                "{}{}",
                n.label.as_deref().unwrap_or(""),
                n.heading.chars().take(4).collect::<String>()
            )
        })
        .collect();
    assert_eq!(
        labels,
        [
            "第一条为了维护",
            "第二条为了维护",
            "第三条为了维护",
            "第四条为了维护",
            "第五条为了维护",
            "第六条为了维护",
            "附件中华人民"
        ],
        "{doc:#?}"
    );
    assert!(doc
        .nodes
        .iter()
        .any(|n| n.kind == NodeKind::Front && n.heading.starts_with("1991年3月2日")));
}

#[test]
fn an_adoption_record_under_the_title_is_front_matter() {
    check(
        "中华人民共和国某某组织法\n\n1982年12月10日 第五届全国人民代表大会第五次会议通过\n\n第一条 为了健全组织，制定本法。\n\n第二条 本法自公布之日起施行。\n",
        "
         title 中华人民共和国某某组织法
         front 1982年12月10日 第五届全国人民代表大会第五次会议通过
         part 第一条为了健全组织，制定本法
         part 第二条本法自公布之日起施行
        ",
    );
}

#[test]
fn a_level_of_more_than_sixty_members_numbers_paragraphs() {
    // MAX_LEVEL_MEMBERS: 60 items are a list, 61 number paragraphs.
    let numbered = |count: usize| -> String {
        (1..=count)
            .map(|n| format!("{n}. 第{n}段讲的是工作中的具体问题和解决办法。\n"))
            .collect()
    };
    let items = |text: &str| {
        gangmu::parse(text)
            .nodes
            .iter()
            .filter(|n| n.kind.is_structural())
            .count()
    };
    assert_eq!(items(&numbered(60)), 60);
    assert_eq!(items(&numbered(61)), 0);
}

#[test]
fn markup_and_records_of_a_markdown_law_copy_in_any_layout() {
    // An HTML comment shows nothing and joins no paragraph, even in a
    // copy wrapped at 20 chars; in a paste whose breaks became 　　 or one
    // space, the `# ` title, the record (…日 第五届…通过) and the first
    // article stay apart.
    let wrapped = "# 某某市控制吸烟条例\n<!-- INFO END -->\n第一条 为了消除和减少烟草烟雾的危害，保\n障公众身体健康，制定本条例。\n第二条 本条例适用于本市公共场所的控烟工\n作。\n";
    let spaced = "# 某某市控制吸烟条例　　1983年3月5日 第五届某某市人民代表大会常务委员会第二十六次会议通过　　<!-- INFO END -->　　第一条 为了消除和减少烟草烟雾的危害，保障公众身体健康，制定本条例。　　第二条 本条例适用于本市公共场所的控烟工作。".to_string()
        + &"　　第三条 本条例所称公共场所，是指向公众开放的室内外场所，包括各类机关、企业和事业单位的办公场所。".repeat(6);
    for text in [wrapped.to_string(), spaced] {
        let doc = gangmu::parse(&text);
        assert_eq!(doc.title.as_deref(), Some("某某市控制吸烟条例"), "{text}");
        let labels = top_labels(&doc);
        assert_eq!(labels[..2], ["第一条", "第二条"], "{text}\n{doc:#?}");
    }
}

#[test]
fn a_one_line_paste_keeps_a_dated_title_and_emphasised_markers_apart() {
    // 标题（日期）then the text, all on one line: the date is front matter.
    // A Markdown copy whose breaks were deleted: an <img> badge after the
    // title, a quoted note after the date, and **第一点，** after a full stop.
    let body = "我们的队伍完全是为着解放人民的，是彻底地为人民的利益工作的。".repeat(12);
    let dated = format!("为人民服务（一九四四年九月八日）　　{body}");
    let doc = gangmu::parse(&dated);
    assert_eq!(doc.title.as_deref(), Some("为人民服务"));
    let point = "这一点我们要讲清楚，大家回去以后要认真地加以落实。".repeat(6);
    let markdown = format!(
        "# 在动员大会上的讲话<img class=\"pv\" src=\"https://example.org/pv?key=讲话.md\">1999年4月17日>【导读】流程的核心是要反映业务的本质。我们有幸找到了好老师。**第一点，**{point}**第二，**{point}**第三，**{point}"
    );
    let doc = gangmu::parse(&markdown);
    assert_eq!(doc.title.as_deref(), Some("在动员大会上的讲话"));
    let labels = top_labels(&doc);
    assert_eq!(labels, ["第一点，", "第二，", "第三，"], "{doc:#?}");
}

#[test]
fn a_heading_that_ran_on_from_the_paragraph_before_starts_its_own_line() {
    // Headings were not indented, paragraphs were: with the breaks deleted
    // each heading runs on from the sentence before it, and `　　` ends it.
    let body = "一九五七年是我国在各个战线上取得伟大胜利的一年，成绩是巨大的。".repeat(4);
    let text = format!(
        "各位代表：　　我代表国务院提出报告，请予审议。（一）一九五七年经济战线上的胜利　　{body}　　{body}（二）争取一九五八年国民经济的新跃进　　{body}所以我们说：（三）发展计划的安排　　{body}"
    );
    let doc = gangmu::parse(&text);
    let headings: Vec<_> = doc
        .nodes
        .iter()
        .filter(|n| n.kind.is_structural())
        .map(|n| format!("{}{}", n.label.as_deref().unwrap_or(""), n.heading))
        .collect();
    assert_eq!(
        headings,
        [
            "（一）一九五七年经济战线上的胜利",
            "（二）争取一九五八年国民经济的新跃进",
            "（三）发展计划的安排"
        ],
        "{doc:#?}"
    );
    // Two such heading lines ran together: the second, numbered one in
    // brackets, is a heading of its own below the first.
    let text = format!(
        "各位代表：　　我代表国务院提出报告。一、国家的总任务　　{body}二、若干问题（一）关于工业的问题　　{body}（二）关于农业的问题　　{body}"
    );
    let doc = gangmu::parse(&text);
    let second = &doc.nodes.iter().filter(|n| n.kind.is_structural()).nth(1);
    let sections: Vec<_> = second
        .map(|n| n.children.iter().filter_map(|c| c.label.clone()).collect())
        .unwrap_or_default();
    assert_eq!(
        second.map(|n| n.heading.as_str()),
        Some("若干问题"),
        "{doc:#?}"
    );
    assert_eq!(sections, ["（一）", "（二）"], "{doc:#?}");
}

#[test]
fn a_law_on_one_line_starts_its_chapters_articles_and_items_again() {
    // A Markdown copy of a regulation whose breaks were deleted: `## ` marks
    // inside the line, a chapter heading running into its first article,
    // the title repeated before 第一条, items listed after an article's
    // colon, and a cross-reference (本条例第二条) that is no article.
    let body =
        "货币政策委员会依照本条例组成，委员的任期和职责依照本条例第二条的规定办理。".repeat(4);
    let text = format!(
        "# 某某委员会条例1997年4月15日 国务院令第215号发布<!-- INFO END -->某某委员会条例## 第一章 总则第一条 为了正确制定货币政策，制定本条例。第二条 {body}第三条 委员会讨论下列事项：(一)货币政策的制定、调整；(二)货币政策工具的运用；(三)有关货币政策的重要措施。## 第二章 组织机构第四条 {body}第五条 {body}"
    );
    let doc = gangmu::parse(&text);
    assert_eq!(doc.title.as_deref(), Some("某某委员会条例"), "{doc:#?}");
    let mut seen = Vec::new();
    doc.walk(|node, depth| {
        if node.kind.is_structural() {
            seen.push(format!("{depth}{}", node.label.as_deref().unwrap_or("")));
        }
    });
    assert_eq!(
        seen,
        [
            "0第一章",
            "1第一条",
            "1第二条",
            "1第三条",
            "2(一)",
            "2(二)",
            "2(三)",
            "0第二章",
            "1第四条",
            "1第五条"
        ],
        "{doc:#?}"
    );
}

/// The labels of the structural nodes at the top level.
fn top_labels(doc: &gangmu::Document) -> Vec<String> {
    doc.nodes
        .iter()
        .filter(|n| n.kind.is_structural())
        .map(|n| n.label.clone().unwrap_or_default())
        .collect()
}

#[test]
fn paragraphs_numbered_by_a_counter_at_their_end_are_a_list() {
    // 反对自由主义: `…。这是第一种。` closes each of eleven kinds; the
    // heading is the paragraph's first sentence, `；` and all.
    check(
        "自由主义有各种表现。\n\
         明知不对，也不争论，求得和平。或者轻描淡写。这是第一种。\n\
         事不关己，高高挂起；明哲保身，但求无过。这是第二种。\n\
         命令不服从，个人意见第一。此其三也。\n\
         主要的有这三种。\n",
        "
        task 第一种明知不对，也不争论，求得和平
        task 第二种事不关己，高高挂起；明哲保身，但求无过
        ",
    );
    // 此其一也 … 此其二也: the same, counted by 其; a form of its own, so
    // the 此其三 above, after 第二种, ends that list rather than joining it.
    check(
        "言必信。此其一也。\n行必果。此其二也。\n",
        "
        task 其一言必信
        task 其二行必果
        ",
    );
}

#[test]
fn a_counter_closing_sections_of_several_paragraphs_is_not_a_list() {
    // 这是第一点 after two paragraphs, 这是第二点 after two more: the
    // members are not single paragraphs, so nothing is listed.
    check(
        "要加强学习。学习是立身之本。\n我们要学原著。这是第一点。\n\
         要改进作风。作风关系成败。\n我们要下基层。这是第二点。\n",
        "",
    );
}

#[test]
fn numbering_inside_a_quotation_is_the_quoted_texts() {
    // A letter quoted whole (星星之火，可以燎原): its （一）（二） and 第一，
    // are the letter's, not this document's. An unclosed “ quotes nothing.
    check(
        "来信说：“我们的意见如下。（一）主力红军多不是本地人，和地方赤卫队来历不同。\
         （二）分小则领导不健全，恶劣环境应付不来，容易失败。”这是对的。\n\
         这是“半句话。第一，我们要看到成绩和进步，这是主要的方面。\
         第二，我们要看到问题和不足，这是必须改进的。\n",
        "
        task 第一，我们要看到成绩和进步，这是主要的方面
        task 第二，我们要看到问题和不足，这是必须改进的
        ",
    );
}

#[test]
fn one_comma_is_first_comma_without_its_di() {
    // 一，…二，… in older texts, here after the condition it completes
    // (如果…，则一，…); 一，二，三 inside a sentence counts and is no list.
    check(
        "如果认清了这一点，则一，就会明白全国何以长期混战而且愈打愈凶。\
         二，就会明白农民问题的严重性，农村起义何以有这样的规模。\n\
         数一，二，三，四，然后开始。\n",
        "
        task 一，就会明白全国何以长期混战而且愈打愈凶
        task 二，就会明白农民问题的严重性，农村起义何以有这样的规模
        ",
    );
}

#[test]
fn a_point_that_announces_with_a_colon_is_headed_by_what_it_announces() {
    // 反对党八股: the opening phrase alone (…第一条罪状是) says nothing; the
    // sentence after the colon is the point. Numbered tasks set out under
    // one point (第一，…第二，…) do not end the run of points.
    check(
        "党八股的第一条罪状是：空话连篇，言之无物。我们有些同志欢喜写长文章。\n\
         党八股的第二条罪状是：装腔作势，借以吓人⑵。有些党八股不但空话连篇。\
         第一，要向人民群众学习语言，人民的语汇是很丰富的。\
         第二，要从外国语言中吸收我们所需要的成分，不是硬搬。\n\
         党八股的第三条罪状是：无的放矢，不看对象。早几年有这样一个标语。\n",
        "
        point 党八股的第一条罪状是：空话连篇，言之无物
        point 党八股的第二条罪状是：装腔作势，借以吓人
        task 第一，要向人民群众学习语言，人民的语汇是很丰富的
        task 第二，要从外国语言中吸收我们所需要的成分，不是硬搬
        point 党八股的第三条罪状是：无的放矢，不看对象
        ",
    );
}

#[test]
fn paragraphs_opening_with_a_dash_are_bulleted_points() {
    // 2017年政府工作报告: ——经济运行缓中趋稳、稳中向好。… ——就业增长超出
    // 预期。… Three or more in a row; two are not a list.
    check(
        "过去一年，我国发展取得新的重大成就。\n\
         ——经济运行缓中趋稳、稳中向好。国内生产总值增长6.7%。\n\
         ——就业增长超出预期。全年城镇新增就业1314万人。\n\
         ——改革开放深入推进。重要领域和关键环节改革取得突破。\n\
         这些成绩来之不易。\n\
         ——这是一句。\n——这是两句。\n",
        "
        point 经济运行缓中趋稳、稳中向好
        point 就业增长超出预期
        point 改革开放深入推进
        ",
    );
}

#[test]
fn an_article_label_in_bold_alone_on_its_line_is_headed_by_the_next() {
    // 中華民國憲法增修條文 with Markdown decoration: **第 1 條** / text.
    check(
        "**第 1 條**\n中華民國自由地區選舉人於立法院提出憲法修正案。\n\n**第 2 條**\n總統、副總統由全體人民直接選舉之。\n",
        "
        part 第1條中華民國自由地區選舉人於立法院提出憲法修正案
        part 第2條總統、副總統由全體人民直接選舉之
        ",
    );
}

#[test]
fn articles_past_999_in_digits_count_on() {
    // Taiwan's 民法 has 1 225 articles, printed 第 1000 條 … by law
    // databases; the numbering went on past 999 and stopped there.
    let article = |n: usize| format!("第 {n} 條\n本條規定第{n}項事務之辦理。\n\n");
    let text: String = (1..=1002).map(article).collect();
    let expected: String = (1..=1002)
        .map(|n| format!("part 第{n}條本條規定第{n}項事務之辦理\n"))
        .collect();
    check(&text, &expected);
}

#[test]
fn a_spaced_article_label_is_an_article_though_the_text_runs_on() {
    // The same amendments pasted as one line: 第 1 條中華民國…. Its items
    // (一、…二、…) stay under their article.
    check(
        "第 1 條中華民國自由地區選舉人於立法院提出憲法修正案，應於三個月內投票複決。第 2 條行政院依左列規定，對立法院負責：一、行政院有向立法院提出施政方針之責。二、行政院對於立法院決議之法律案得移請立法院覆議。第 3 條立法委員之報酬，應以法律定之。",
        "
        part 第1條中華民國自由地區選舉人於立法院提出憲法修正案，應於三個月內投票複決
        part 第2條行政院依左列規定，對立法院負責
          section 一、行政院有向立法院提出施政方針之責
          section 二、行政院對於立法院決議之法律案得移請立法院覆議
        part 第3條立法委員之報酬，應以法律定之
        ",
    );
}

#[test]
fn a_charter_pasted_as_one_line_keeps_its_chapters_bracketed_articles_and_items() {
    // 华为基本法 with its breaks deleted: the chapter's heading runs into its
    // first section (公司的宗旨一、核心价值观), a caption in brackets into
    // the article after it (（员工）【第二条】), and an article's items
    // follow its colon (：1、…。2、…).
    check(
        "第一章 公司的宗旨一、核心价值观（追求）【第一条】华为的追求是在电子信息领域实现顾客的梦想，并依靠点点滴滴、锲而不舍的艰苦追求，使我们成为世界级领先企业。（员工）【第二条】为了在矩阵结构下维护统一指挥原则和责权对等原则，减少组织上的不确定性和提高组织的效率，我们必须在以下几方面加强管理的力度：1、建立有效的高层管理组织。2、实行充分授权，加强监督。3、完善考核体系。二、基本目标（质量）【第三条】我们的目标是以优异的产品、可靠的质量、优越的终生效能费用比和有效的服务，满足顾客日益增长的需要。第二章 基本经营政策一、经营重心【第四条】我们中短期的经营方针是集中人力、物力和财力，根据业界最新的发展，将技术导向战略转为市场导向战略。",
        "
        part 第一章公司的宗旨
          section 一、核心价值观
            section 【第一条】华为的追求是在电子信息领域实现顾客的梦想，并依靠点点滴滴、锲而不舍的艰苦追求，使我们成为世界级领先企业
            section 【第二条】为了在矩阵结构下维护统一指挥原则和责权对等原则，减少组织上的不确定性和提高组织的效率，我们必须在以下几方面加强管理的力度
              section 1、建立有效的高层管理组织
              section 2、实行充分授权，加强监督
              section 3、完善考核体系
          section 二、基本目标
            section 【第三条】我们的目标是以优异的产品、可靠的质量、优越的终生效能费用比和有效的服务，满足顾客日益增长的需要
        part 第二章基本经营政策
          section 一、经营重心
            section 【第四条】我们中短期的经营方针是集中人力、物力和财力，根据业界最新的发展，将技术导向战略转为市场导向战略
        ",
    );
}

#[test]
fn an_enumeration_restarting_at_one_inside_a_section_nests_there() {
    // 第一个五年计划 pasted as one line: 一、我国人民已经推翻了…。 is a sentence
    // counted inside the section, not a new run of the parts 一、…三、,
    // which are headings alone.
    check(
        "一、国家在过渡时期的总任务　　我国发展国民经济的第一个五年计划，是根据总路线制定的。　　二、第一个五年计划概要　　五年计划规定了基本任务。　　三、若干问题　　（一）关于基本建设问题　　第一，基本建设规模的大小问题。　　我们的答复是肯定的：　　一、我国人民已经推翻了帝国主义者在中国的统治，这样就提供了一个重要积累来源。　　二、我国人民推翻了封建主义，农民生活有了改善。　　第二，轻重工业投资的比重问题。　　我国第一个五年计划规定重工业投资的比重特别大。　　必须加强以下几个方面的工作：　　一、提高设计工作，力求避免在设计中造成差错；　　二、加强施工的技术指导，鼓励合理化建议；　　（二）关于工业的生产问题　　第一，增产和节约工业原料问题。　　我们必须节约原料。　　第二，试制新种类产品问题。　　我们必须试制新产品。",
        "
        part 一、国家在过渡时期的总任务
        part 二、第一个五年计划概要
        part 三、若干问题
          section （一）关于基本建设问题
            task 第一，基本建设规模的大小问题
              section 一、我国人民已经推翻了帝国主义者在中国的统治，这样就提供了一个重要积累来源
              section 二、我国人民推翻了封建主义，农民生活有了改善
            task 第二，轻重工业投资的比重问题
              section 一、提高设计工作，力求避免在设计中造成差错
              section 二、加强施工的技术指导，鼓励合理化建议
          section （二）关于工业的生产问题
            task 第一，增产和节约工业原料问题
            task 第二，试制新种类产品问题
        ",
    );
}

#[test]
fn an_html_tag_wrapped_over_lines_ends_with_its_bracket() {
    // A web copy wrapped at 20 chars, as from a PDF: the counter badge's
    // <img …> tag ends its paragraph though its last line is full, and the
    // chapter after it is not run into it.
    let paragraphs = [
        "# 《华为基本法》",
        "<img class=\"pv\" src=\"https://api.example.org/visitor-badge/pv?key=basic-law.md\">",
        "第一章 公司的宗旨",
        "一、核心价值观",
        "【第一条】华为的追求是在电子信息领域实现顾客的梦想，并依靠点点滴滴、锲而不舍的艰苦追求，使我们成为世界级领先企业。为了使华为成为世界一流的设备供应商，我们将永不进入信息服务业。",
        "【第二条】认真负责和管理有效的员工是华为最大的财富。尊重知识、尊重个性、集体奋斗和不迁就有功的员工，是我们事业可持续成长的内在要求。",
    ];
    check(
        &wrap(&paragraphs, 20),
        "
        title 《华为基本法》
        part 第一章公司的宗旨
          section 一、核心价值观
            section 【第一条】华为的追求是在电子信息领域实现顾客的梦想，并依靠点点滴滴、锲而不舍的艰苦追求，使我们成为世界级领先企业
            section 【第二条】认真负责和管理有效的员工是华为最大的财富
        ",
    );
}

/// `paragraphs` broken into lines of `width` chars, as a PDF copy is.
fn wrap(paragraphs: &[&str], width: usize) -> String {
    support::variants::wrapped(&paragraphs.join("\n"), width)
}

#[test]
fn a_report_whose_breaks_became_spaces_keeps_its_numbered_heads_and_items() {
    // 上海太原失陷以后抗日战争的形势和任务 with every break turned into one
    // space: 一 目前形势… is a numbered head (its space half-width now),
    // 1、 after a colon and a space is an item, and the (一)… numbered on
    // across the heads are sections under them, not paragraph numbers.
    let mut text = String::from(
        "上海太原失陷以后抗日战争的形势和任务 （一九三七年十一月十二日） 一　目前形势是处在片面抗战到全面抗战的过渡期中 ",
    );
    let members = [
        "我们赞助一切反对日本帝国主义进攻的抗战。因为它比不抵抗主义进一步。",
        "但是我们早就指出，不要人民群众参加的单纯政府的片面抗战，是一定要失败的。",
        "我们主张全国人民总动员的完全的民族革命战争。因为只有这种抗战，才是群众战争。",
        "国民党主张的片面抗战，虽然也是民族战争，但其革命性很不完全。",
        "这是共产党的抗战主张和现时国民党的抗战主张的原则分歧。",
    ];
    let numerals = [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
    ];
    for (i, numeral) in numerals.iter().enumerate() {
        if i == 6 {
            text.push_str("二 在党内在全国均须反对投降主义 ");
        }
        if i == 3 {
            text.push_str(&format!("（{numeral}）上海太原失陷后的形势是这样的： 1、在华北，正规战争已经结束。 2、英美法等国政府表示援助中国。 "));
            continue;
        }
        text.push_str(&format!("（{numeral}）{} ", members[i % members.len()]));
    }
    check(
        &text,
        "
        title 上海太原失陷以后抗日战争的形势和任务
        front （一九三七年十一月十二日）
        part 一　目前形势是处在片面抗战到全面抗战的过渡期中
          section （一）我们赞助一切反对日本帝国主义进攻的抗战
          section （二）但是我们早就指出，不要人民群众参加的单纯政府的片面抗战，是一定要失败的
          section （三）我们主张全国人民总动员的完全的民族革命战争
          section （四）上海太原失陷后的形势是这样的
            section 1、在华北，正规战争已经结束
            section 2、英美法等国政府表示援助中国
          section （五）这是共产党的抗战主张和现时国民党的抗战主张的原则分歧
          section （六）我们赞助一切反对日本帝国主义进攻的抗战
        part 二在党内在全国均须反对投降主义
          section （七）但是我们早就指出，不要人民群众参加的单纯政府的片面抗战，是一定要失败的
          section （八）我们主张全国人民总动员的完全的民族革命战争
          section （九）国民党主张的片面抗战，虽然也是民族战争，但其革命性很不完全
          section （十）这是共产党的抗战主张和现时国民党的抗战主张的原则分歧
          section （十一）我们赞助一切反对日本帝国主义进攻的抗战
          section （十二）但是我们早就指出，不要人民群众参加的单纯政府的片面抗战，是一定要失败的
        ",
    );
}

#[test]
fn wrapped_heads_end_before_their_first_child_and_members_count_on() {
    // The same report wrapped at 24 chars: 一　…过渡期中 is a char short of
    // the width and （一） opens its first child; after the unnumbered line
    // 在党内，反对投降主义 the member counting on from （二） starts a
    // paragraph though the line before it has no sentence end.
    let text = wrap(
        &[
            "一　目前形势是处在片面抗战到全面抗战的过渡期中",
            "（一）我们赞助一切反对日本帝国主义进攻的抗战，即使是片面的抗战。因为它比不抵抗主义进一步，因为它是带着革命性的。",
            "（二）但是我们早就指出：不要人民群众参加的单纯政府的片面抗战，是一定要失败的。因为它不是完全的民族革命战争。",
            "二　在党内在全国均须反对投降主义",
            "在党内，反对阶级对阶级的投降主义",
            "（三）一九二七年陈独秀的投降主义，引导了那时的革命归于失败。每个共产党员都不应忘记党的这一历史上的血的教训。",
            "（四）关于党的抗日民族统一战线的路线，在卢沟桥事变以前，党内的主要危险倾向是“左”倾关门主义。",
        ],
        24,
    );
    check(
        &text,
        "
        part 一　目前形势是处在片面抗战到全面抗战的过渡期中
          section （一）我们赞助一切反对日本帝国主义进攻的抗战，即使是片面的抗战
          section （二）但是我们早就指出
        part 二　在党内在全国均须反对投降主义
          section （三）一九二七年陈独秀的投降主义，引导了那时的革命归于失败
          section （四）关于党的抗日民族统一战线的路线，在卢沟桥事变以前，党内的主要危险倾向是“左”倾关门主义
        ",
    );
}

#[test]
fn a_wrapped_markdown_quote_goes_on_without_its_marks() {
    // 在IPD动员大会上的讲话 from a PDF: the editor's notes (>【导读】…) are
    // quotes whose later lines lost their `>`; each ends at a line short
    // of the width that ends a sentence, and the speech follows.
    let text = wrap(
        &[
            "# 在IPD动员大会上的讲话",
            "1999年4月17日",
            ">【导读】流程的核心是要反映业务的本质。企业的三大业务流分别是产品开发、市场销售和售后服务，为此建立对应的三个流程系统。",
            ">流程建设最大的难度是随时面对很多的噪音、阻力和反弹，总有人想随便找个借口就打发它，或修正主义式的学习。",
            "我们有幸能找到一个很好的老师，这就是IBM。所以你们大家认为可不可以学习。",
            "第一点，那些长期理解不了的人，不能理解IBM的IPD改革的内涵，就请他出去。",
            "第二，大家也知道从客观上、从主观上公司都需要一场变革。",
        ],
        24,
    );
    check(
        &text,
        "
        title 在IPD动员大会上的讲话
        front 1999年4月17日
        front 【导读】流程的核心是要反映业务的本质
        front 流程建设最大的难度是随时面对很多的噪音、阻力和反弹，总有人想随便找个借口就打发它，或修正主义式的学习
        task 第一点，那些长期理解不了的人，不能理解IBM的IPD改革的内涵，就请他出去
        task 第二，大家也知道从客观上、从主观上公司都需要一场变革
        ",
    );
}

#[test]
fn spaces_that_were_breaks_are_found_beside_quote_marks_and_emphasis() {
    // The same speech with every break turned into one space: a quote mark
    // after the date (…日 >【导读】) and emphasis before a series member
    // (。** 第一点，) stand at breaks; a space after emphasis before a
    // comma (任命** ，我…) is inside a sentence, and kept as written.
    check(
        "# 在IPD动员大会上的讲话 1999年4月17日 >【导读】流程的核心是要反映业务的本质。企业的三大业务流分别是产品开发、市场销售和售后服务。 >流程建设最大的难度是随时面对很多的噪音、阻力和反弹。学不好就杀头。 我们有幸能找到一个很好的老师，这就是IBM。 当然我们让大家去穿一双美国鞋，但是我们让美国顾问告诉我们美国鞋是这个样子。 **我们不能够把这个问题，把它淡化了。** 第一点，那些长期理解不了的人，就请他出去，名单一个月发一次任命** ，我一年给你签12次字。 我们这些年的改革失败就是老是有新花样、新东西出来。 第二，大家也知道从客观上、从主观上公司都需要一场变革。 我们没有达到，我们就垮掉了。 第三个问题，好在我们请了一个好的老师，我们华为和IBM公司的合作是成功的。 怎么能证明到底是IBM的培训不好，还是我们学习得不好呢。",
        "
        title 在IPD动员大会上的讲话
        front 1999年4月17日
        front 【导读】流程的核心是要反映业务的本质
        front 流程建设最大的难度是随时面对很多的噪音、阻力和反弹。学不好就杀头。
        task 第一点，那些长期理解不了的人，就请他出去，名单一个月发一次任命 ，我一年给你签12次字
        task 第二，大家也知道从客观上、从主观上公司都需要一场变革
        task 第三个问题，好在我们请了一个好的老师，我们华为和IBM公司的合作是成功的
        ",
    );
}

#[test]
fn an_exactly_wrapped_paragraph_ends_at_its_first_short_line() {
    // The sample speech wrapped at 20 chars by a program: every wrapped
    // line has exactly 20, so a shorter one was not wrapped — the part's
    // heading at 19 stands alone, and the parallel points (必须…认识到)
    // stay three.
    let text = wrap(
        &[
            "一、深刻认识开展集中专项行动的重要意义",
            "必须充分认识到，开展集中专项行动是从严履行管党治党政治责任的严肃要求。全市各级党组织要坚决扛起主体责任，推动全面从严治党向纵深发展，实现第二个百年奋斗目标，以新的更大成效迎接党的二十大，走好新的赶考之路。",
            "必须清醒认识到，开展集中专项行动是提振队伍士气、转变干部作风的迫切需要。政治生态好不好，直接影响干部队伍的精神状态和干事创业的劲头，走好新的赶考之路。",
            "必须深刻认识到，开展集中专项行动是推动高质量发展、建设现代化的重要保障。事物发展是内因和外因共同作用的结果，我们一定要抓住机遇。",
        ],
        20,
    );
    check(
        &text,
        "
        part 一、深刻认识开展集中专项行动的重要意义
          point 必须充分认识到
          point 必须清醒认识到
          point 必须深刻认识到
        ",
    );
}

#[test]
fn a_law_pasted_as_one_line_splits_at_a_chapter_whose_heading_lists() {
    // 香港国安法 with its breaks deleted (renumbered from one): 第二章
    // 案件管辖、法律适用和程序 runs into its first article; the 、 in a
    // chapter's heading does not keep the article from starting a line.
    check(
        "## 第一章 罪行和处罚第一条 香港特别行政区永久性居民或者在香港特别行政区成立的公司、团体等法人或者非法人组织在香港特别行政区以外实施本法规定的犯罪的，适用本法。在香港特别行政区注册的船舶或者航空器内实施本法规定的犯罪的，也适用本法。犯罪的行为或者结果有一项发生在香港特别行政区内的，就认为是在香港特别行政区内犯罪。第二条 不具有香港特别行政区永久性居民身份的人在香港特别行政区以外针对香港特别行政区实施本法规定的犯罪的，适用本法。第三条 本法施行以后的行为，适用本法定罪处刑。## 第二章 案件管辖、法律适用和程序第四条 香港特别行政区对本法规定的犯罪案件行使管辖权，但本法第五十五条规定的情形除外。第五条 香港特别行政区管辖危害国家安全犯罪案件的立案侦查、检控、审判和刑罚的执行等诉讼程序事宜，适用本法和香港特别行政区本地法律。",
        "
        part 第一章罪行和处罚
          section 第一条香港特别行政区永久性居民或者在香港特别行政区成立的公司、团体等法人或者非法人组织在香港特别行政区以外实施本法规定的犯罪的，适用本法
          section 第二条不具有香港特别行政区永久性居民身份的人在香港特别行政区以外针对香港特别行政区实施本法规定的犯罪的，适用本法
          section 第三条本法施行以后的行为，适用本法定罪处刑
        part 第二章案件管辖、法律适用和程序
          section 第四条香港特别行政区对本法规定的犯罪案件行使管辖权，但本法第五十五条规定的情形除外
          section 第五条香港特别行政区管辖危害国家安全犯罪案件的立案侦查、检控、审判和刑罚的执行等诉讼程序事宜，适用本法和香港特别行政区本地法律
        ",
    );
}

#[test]
fn half_width_bracketed_items_after_a_space_start_pieces() {
    // 中国人民银行货币政策委员会条例 with every break turned into one space:
    // (一)… after the article's colon and a space is an item of its own.
    check(
        "中国人民银行货币政策委员会条例 第一章 总则 第一条 为了有利于国家宏观经济调控目标的实现，制定本条例。 第二条 货币政策委员会是中国人民银行制定货币政策的咨询议事机构。 第三条 货币政策委员会的职责是，在综合分析宏观经济形势的基础上，讨论下列货币政策事项，并提出建议： (一)货币政策的制定、调整； (二)一定时期内的货币政策控制目标； (三)货币政策工具的运用； (四)有关货币政策的重要措施。 第二章 组织机构 第四条 货币政策委员会由下列单位的人员组成。 第五条 货币政策委员会委员应当具备下列条件：年龄一般在65周岁以下，具有中华人民共和国国籍；公正廉洁，忠于职守，无违法、违纪记录；具有宏观经济、货币、银行等方面的专业知识和实践经验，熟悉有关法律、法规和政策。 第六条 货币政策委员会委员由国务院任命，任期为两年，可以连任，委员在任期内因故不能履行职责的，由国务院决定其替代人选。",
        "
        title 中国人民银行货币政策委员会条例
        part 第一章总则
          section 第一条为了有利于国家宏观经济调控目标的实现，制定本条例
          section 第二条货币政策委员会是中国人民银行制定货币政策的咨询议事机构
          section 第三条货币政策委员会的职责是，在综合分析宏观经济形势的基础上，讨论下列货币政策事项，并提出建议
            section (一)货币政策的制定、调整
            section (二)一定时期内的货币政策控制目标
            section (三)货币政策工具的运用
            section (四)有关货币政策的重要措施
        part 第二章组织机构
          section 第四条货币政策委员会由下列单位的人员组成
          section 第五条货币政策委员会委员应当具备下列条件
          section 第六条货币政策委员会委员由国务院任命，任期为两年，可以连任，委员在任期内因故不能履行职责的，由国务院决定其替代人选
        ",
    );
}

#[test]
fn heavenly_stems_count_heads() {
    // 古田会议决议: 甲　… 乙　… number the forms of 非组织观点, with their
    // own （一） items; 甲、乙双方 names two parties and numbers nothing.
    check(
        "其表现如下：\n\
         甲　少数不服从多数。例如少数人的提议被否决。\n\
         （一）开会时要使到会的人尽量发表意见。\n\
         （二）党的纪律之一是少数服从多数。\n\
         乙　非组织的批评：\n\
         （一）党内批评是坚强党的组织的武器。\n\
         （二）许多党员不在党内批评而在党外去批评。\n\
         甲、乙双方应当遵守合同。\n",
        "
        preamble 其表现如下
        part 甲　少数不服从多数
          section （一）开会时要使到会的人尽量发表意见
          section （二）党的纪律之一是少数服从多数
        part 乙　非组织的批评
          section （一）党内批评是坚强党的组织的武器
          section （二）许多党员不在党内批评而在党外去批评
        ",
    );
}

#[test]
fn a_number_and_a_blank_numbers_items() {
    // 古田会议决议's 1 党的领导机关… (no punctuation after the digit), as
    // GB/T 1.1 numbers its chapters (1 范围); 3 个 and 5 年 are amounts.
    check(
        "（一）从理论上铲除极端民主化的根苗。\n\
         （二）在组织上，厉行集中指导下的民主生活。其路线是：\n\
         1 党的领导机关要有正确的指导路线。\n\
         2 上级机关要明了下级机关的情况。\n\
         3 个人意见要在会上提出。\n\
         5 年来，情况有了变化。\n",
        "
        part （一）从理论上铲除极端民主化的根苗
        part （二）在组织上，厉行集中指导下的民主生活
          section 1党的领导机关要有正确的指导路线
          section 2上级机关要明了下级机关的情况
        ",
    );
}

#[test]
fn a_short_line_naming_the_list_after_it_heads_it() {
    // 古田会议决议: 单纯军事观点的来源： and 纠正的方法： stand alone and name
    // the （一）… lists that start again after them: heads, beside the list
    // before them and below the Markdown heading; a sentence leading into a
    // list (主要任务是：) heads nothing.
    check(
        "## 关于单纯军事观点\n\
         单纯军事观点非常发展。其表现如：\n\
         （一）认为军事政治二者是对立的。\n\
         （二）以为红军的任务也和白军相仿佛。\n\
         单纯军事观点的来源：\n\
         （一）政治水平低。\n\
         （二）雇佣军队的思想。\n\
         纠正的方法：\n\
         （一）从教育上提高党内的政治水平。\n\
         ## 关于极端民主化\n\
         极端民主化的现象，减少了许多。\n\
         纠正的方法：\n\
         （一）从理论上铲除极端民主化的根苗。\n\
         主要任务是：\n\
         1.统筹协调各部门的目标和活动。\n\
         2.监控预算执行。\n",
        "
        part 关于单纯军事观点
          part （一）认为军事政治二者是对立的
          part （二）以为红军的任务也和白军相仿佛
          part 单纯军事观点的来源
            part （一）政治水平低
            part （二）雇佣军队的思想
          part 纠正的方法
            part （一）从教育上提高党内的政治水平
        part 关于极端民主化
          part 纠正的方法
            part （一）从理论上铲除极端民主化的根苗
              section 1.统筹协调各部门的目标和活动
              section 2.监控预算执行
        ",
    );
}

#[test]
fn two_members_said_as_one_are_one_unlabeled_member() {
    // 华为的冬天: 第一，… 第二，… 第三点和第四点，… — the joined ordinal is
    // one member with no label of its own, and the series counts on after
    // it (第五，).
    check(
        "干部的标准有五个：第一，你有没有敬业精神，对工作是否认真。第二，你有没有献身精神，不要斤斤计较。\
         第三点和第四点，就是要有责任心和使命感。第五，你能不能团结同志，共同完成任务。\n",
        "
        task 第一，你有没有敬业精神，对工作是否认真
        task 第二，你有没有献身精神，不要斤斤计较
        task 第三点和第四点，就是要有责任心和使命感
        task 第五，你能不能团结同志，共同完成任务
        ",
    );
}

#[test]
fn an_item_of_one_sentence_is_headed_by_all_of_it() {
    // 人体损伤程度鉴定标准: an item names alternatives between ；, and its
    // heading is the whole sentence; an item of several sentences keeps
    // its first clause, and a law's article its first clause too.
    check(
        "5.1 颅脑、脊髓损伤\n\
         a)头皮撕脱伤面积累计50.0cm2以上；头皮缺损面积累计24.0cm2以上。\n\
         b)脑挫（裂）伤；颅内出血；慢性颅内血肿。\n\
         c)颅骨骨折；须手术治疗。另有说明。\n",
        "
        part 5.1颅脑、脊髓损伤
          section a)头皮撕脱伤面积累计50.0cm2以上；头皮缺损面积累计24.0cm2以上
          section b)脑挫（裂）伤；颅内出血；慢性颅内血肿
          section c)颅骨骨折
        ",
    );
}

#[test]
fn an_ordinal_that_is_the_subject_of_its_sentence_is_no_label() {
    // 湖南农民运动考察报告: 第一是对于社会恶习之反抗…。第二是… — the
    // ordinal is the subject of 是, not a label set off by ，: unlabeled
    // members headed by their sentence.
    check(
        "这些禁令中，包含两个重要意义。第一是对于社会恶习之反抗，如禁牌赌鸦片等。\
         第二是对于城市商人剥削之自卫，如禁吃酒席，禁买南货斋果送情等。\n",
        "
        task 第一是对于社会恶习之反抗，如禁牌赌鸦片等
        task 第二是对于城市商人剥削之自卫，如禁吃酒席，禁买南货斋果送情等
        ",
    );
}
