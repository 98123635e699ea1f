#![cfg(target_arch = "wasm32")]
//! Component tests of the web app in a headless browser:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`.
//!
//! Each test mounts the whole app into a fresh element and reads the DOM
//! it renders, waiting for conditions with [`wait_for`] rather than sleeping.

use gangmu::app::App;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlTextAreaElement, InputEvent, InputEventInit};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "web/tree_dom.rs"]
mod tree_dom;

/// Part labels: 一、 二、 …
const PART: &[char] = &['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// The app mounted into its own element; unmounted and removed on drop.
struct Mounted {
    root: Element,
    handle: Option<AppHandle<App>>,
}

impl Mounted {
    /// Mounts the app as on a first visit: nothing kept from other tests.
    async fn new() -> Self {
        let window = web_sys::window().unwrap();
        window.local_storage().unwrap().unwrap().clear().unwrap();
        let document = window.document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let handle = yew::Renderer::<App>::with_root(root.clone()).render();
        let mounted = Mounted {
            root,
            handle: Some(handle),
        };
        wait_for("the outline", || !mounted.top_items().is_empty()).await;
        // And the effects after that render: the textarea gets its text.
        wait_for("the text", || {
            let textarea: HtmlTextAreaElement = mounted.one("textarea").unchecked_into();
            !textarea.value().is_empty()
        })
        .await;
        mounted
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        all(&self.root, selector)
    }

    fn one(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn top_items(&self) -> Vec<Element> {
        self.all("[role=tree] > [role=treeitem]")
    }

    /// The top-level item whose row starts with `label`.
    fn part(&self, label: &str) -> Element {
        self.top_items()
            .into_iter()
            .find(|item| row_text(item).starts_with(label))
            .unwrap_or_else(|| panic!("no part {label}"))
    }

    fn button(&self, name: &str) -> HtmlElement {
        self.all("button")
            .into_iter()
            .find(|button| button.text_content().as_deref() == Some(name))
            .unwrap_or_else(|| panic!("no button {name}"))
            .unchecked_into()
    }

    /// Replaces the text as a paste would: new value, then an `input` event.
    fn paste(&self, text: &str) {
        let textarea: HtmlTextAreaElement = self.one("textarea").unchecked_into();
        textarea.set_value(text);
        let init = InputEventInit::new();
        init.set_bubbles(true);
        let event = InputEvent::new_with_event_init_dict("input", &init).unwrap();
        textarea.dispatch_event(&event).unwrap();
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

fn all(parent: &Element, selector: &str) -> Vec<Element> {
    let list = parent.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|index| list.item(index))
        .map(|node| node.unchecked_into())
        .collect()
}

/// The text of an item's own row (label and heading, not its children).
fn row_text(item: &Element) -> String {
    item.query_selector(":scope > .row")
        .unwrap()
        .and_then(|row| row.text_content())
        .unwrap_or_default()
}

/// The leading part label of each top-level item that has one.
fn part_labels(items: &[Element]) -> Vec<String> {
    items
        .iter()
        .map(row_text)
        .filter_map(|text| {
            let label: String = text.chars().take_while(|c| PART.contains(c)).collect();
            (!label.is_empty() && text[label.len()..].starts_with('、')).then(|| label + "、")
        })
        .collect()
}

/// Polls `condition` every 10 ms for up to 5 s.
async fn wait_for(what: &str, mut condition: impl FnMut() -> bool) {
    for _ in 0..500 {
        if condition() {
            return;
        }
        TimeoutFuture::new(10).await;
    }
    panic!("timed out waiting for {what}");
}

#[wasm_bindgen_test]
async fn sample_speech_shows_its_three_parts() {
    let app = Mounted::new().await;
    let tree = app.one("[role=tree]");
    assert_eq!(tree.get_attribute("aria-label").as_deref(), Some("提纲"));
    let top = app.top_items();
    assert_eq!(part_labels(&top), ["一、", "二、", "三、"]);
    for item in &top {
        assert_eq!(item.get_attribute("aria-level").as_deref(), Some("1"));
    }
}

#[wasm_bindgen_test]
async fn tasks_sit_one_level_below_their_part() {
    let app = Mounted::new().await;
    for label in ["二、", "三、"] {
        let part = app.part(label);
        let tasks: Vec<String> = all(&part, ":scope > [role=group] > [role=treeitem]")
            .iter()
            .inspect(|task| assert_eq!(task.get_attribute("aria-level").as_deref(), Some("2")))
            .map(row_text)
            .filter(|text| text.chars().nth(1) == Some('要'))
            .map(|text| text.chars().take(2).collect())
            .collect();
        assert_eq!(
            tasks,
            ["一要", "二要", "三要", "四要", "五要"],
            "under {label}"
        );
    }
}

#[wasm_bindgen_test]
async fn each_row_is_classed_by_its_kind() {
    let app = Mounted::new().await;
    let class = |item: &Element| item.get_attribute("class").unwrap_or_default();
    for item in app.all("[role=treeitem]") {
        let text = row_text(&item);
        let expected = if text.starts_with(PART) && text.chars().nth(1) == Some('、') {
            "node node-part"
        } else if text.chars().nth(1) == Some('要') {
            "node node-task"
        } else if text.starts_with("必须") {
            "node node-point"
        } else {
            continue;
        };
        assert_eq!(class(&item), expected, "{text}");
    }
    assert_eq!(class(&app.top_items()[0]), "node node-preamble");
    let row = app.part("一、").query_selector(".row").unwrap().unwrap();
    assert_eq!(row.get_attribute("class").as_deref(), Some("row foldable"));
}

#[wasm_bindgen_test]
async fn clicking_a_part_folds_and_unfolds_it() {
    let app = Mounted::new().await;
    let part = app.part("二、");
    let three = app.part("三、");
    assert_eq!(part.get_attribute("aria-expanded").as_deref(), Some("true"));
    let row: HtmlElement = part
        .query_selector(".row")
        .unwrap()
        .unwrap()
        .unchecked_into();

    row.click();
    wait_for("二、 to fold", || {
        app.part("二、").get_attribute("aria-expanded").as_deref() == Some("false")
    })
    .await;
    let group = app
        .part("二、")
        .query_selector(":scope > [role=group]")
        .unwrap()
        .unwrap();
    assert!(group.has_attribute("hidden"));
    // Patched in place, not written anew: the focus and the reader's place
    // stay on the same elements.
    assert!(app.part("二、").is_same_node(Some(&part)));
    assert_eq!(part.get_attribute("aria-selected").as_deref(), Some("true"));
    assert!(app.part("三、").is_same_node(Some(&three)));

    row.click();
    wait_for("二、 to unfold", || {
        app.part("二、").get_attribute("aria-expanded").as_deref() == Some("true")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_row_keeps_the_focus_when_its_list_is_written_anew() {
    let app = Mounted::new().await;
    let part: HtmlElement = app.part("二、").unchecked_into();
    part.focus().unwrap();
    // A new first paragraph changes the top-level rows: the list is
    // written anew, and 二、 is a new element.
    let text = format!("新的开头。\n\n{}", gangmu::SAMPLE_SPEECH);
    app.paste(&text);
    wait_for("the new outline", || {
        !app.part("二、").is_same_node(Some(&part))
    })
    .await;
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element();
    assert!(
        active
            .as_ref()
            .is_some_and(|active| active.is_same_node(Some(&app.part("二、")))),
        "the focus is on {:?}",
        active.map(|element| element.outer_html().chars().take(80).collect::<String>())
    );
}

#[wasm_bindgen_test]
async fn collapse_all_and_expand_all() {
    let app = Mounted::new().await;
    let all_expanded = |value: &str| {
        let items = app.all("[role=treeitem][aria-expanded]");
        !items.is_empty()
            && items
                .iter()
                .all(|item| item.get_attribute("aria-expanded").as_deref() == Some(value))
    };
    assert!(all_expanded("true"));

    app.button("全部折叠").click();
    wait_for("every node to fold", || all_expanded("false")).await;

    app.button("全部展开").click();
    wait_for("every node to unfold", || all_expanded("true")).await;
}

#[wasm_bindgen_test]
async fn pasted_text_replaces_the_outline() {
    let app = Mounted::new().await;
    app.paste("同志们：\n一、第一部分\n一要做好甲。\n二要做好乙。\n二、第二部分\n正文。\n");
    wait_for("the new outline", || {
        part_labels(&app.top_items()) == ["一、", "二、"]
    })
    .await;
    let tasks = all(&app.part("一、"), "[role=treeitem]");
    let texts: Vec<String> = tasks.iter().map(row_text).collect();
    assert!(
        texts.iter().any(|text| text.starts_with("一要")),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|text| text.starts_with("二要")),
        "{texts:?}"
    );
}

#[wasm_bindgen_test]
async fn odd_text_never_breaks_the_app() {
    let app = Mounted::new().await;
    let texts = [
        "",
        "\u{200b}\n\n",
        "一、",
        "一要",
        "“未闭合的引号\n一、",
        "、、、\r\n一",
        "\n\n\n（一）（二）1.2.3.",
        "同志们：\n一、第一部分\n正文。\n二、第二部分\n正文。\n",
    ];
    for text in texts {
        let before = outline_measures();
        app.paste(text);
        wait_for("the text to be parsed and shown", || {
            outline_measures() > before
        })
        .await;
    }
    assert_eq!(part_labels(&app.top_items()), ["一、", "二、"]);
}

#[wasm_bindgen_test]
async fn every_parse_is_measured() {
    let before = outline_measures();
    let app = Mounted::new().await;
    wait_for("a measure after the first render", || {
        outline_measures() > before
    })
    .await;
    let after_load = outline_measures();
    app.paste("同志们：\n一、新的文本\n正文。\n");
    wait_for("a measure after the paste", || {
        outline_measures() > after_load
    })
    .await;
}

/// How many `gangmu:outline` measures the page has recorded.
fn outline_measures() -> u32 {
    let performance = web_sys::window().unwrap().performance().unwrap();
    performance.get_entries_by_name("gangmu:outline").length()
}

#[wasm_bindgen_test]
async fn the_header_offers_share_print_export_and_open() {
    let app = Mounted::new().await;
    for name in ["分享", "打印", "导出", "打开"] {
        app.button(name);
    }
    assert_eq!(
        app.all(".export-list button").len(),
        gangmu::export::file::Format::ALL.len()
    );
    let input: web_sys::HtmlInputElement = app.one("input[type=file]").unchecked_into();
    assert_eq!(input.accept(), ".txt,.md,.docx,text/plain");
}

#[wasm_bindgen_test]
async fn share_makes_a_link_that_carries_the_text() {
    let app = Mounted::new().await;
    let text = "一、第一部分\n一要甲。\n二要乙。\n二、第二部分\n";
    app.paste(text);
    wait_for("the new outline", || {
        part_labels(&app.top_items()) == ["一、", "二、"]
    })
    .await;
    app.button("分享").click();
    let link = || {
        app.all(".share-link")
            .first()
            .map(|input| input.unchecked_ref::<web_sys::HtmlInputElement>().value())
            .unwrap_or_default()
    };
    wait_for("the link", || !link().is_empty()).await;
    let link = link();
    let (page, fragment) = link.split_once('#').unwrap();
    assert_eq!(
        page,
        web_sys::window()
            .unwrap()
            .location()
            .href()
            .unwrap()
            .split('#')
            .next()
            .unwrap()
    );
    assert_eq!(gangmu::share::decode(fragment).as_deref(), Ok(text));
    // Whether the clipboard takes it or not, the panel says so.
    let status = || app.one(".share-status").text_content().unwrap_or_default();
    wait_for("the clipboard's answer", || !status().starts_with("正在")).await;
}

/// Issue 13, item 1: what the panic hook does — the textarea's text, even
/// unsettled, is saved, and a Chinese alert asks for a reload (once).
#[wasm_bindgen_test]
async fn issue_13_a_panic_keeps_the_text_and_says_so() {
    let mounted = Mounted::new().await;
    let textarea: HtmlTextAreaElement = mounted.one("textarea").unchecked_into();
    textarea.set_value("一、刚打的字\n");
    gangmu::app::crash::report();
    gangmu::app::crash::report();
    let document = web_sys::window().unwrap().document().unwrap();
    let alerts = document.query_selector_all("#crash[role=alert]").unwrap();
    assert_eq!(alerts.length(), 1);
    let alert = alerts.get(0).unwrap();
    assert_eq!(
        alert.text_content().as_deref(),
        Some(gangmu::app::crash::MESSAGE)
    );
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    assert_eq!(
        storage.get_item("gangmu:text").unwrap().as_deref(),
        Some("一、刚打的字\n")
    );
    alert.unchecked_into::<web_sys::Element>().remove();
}
