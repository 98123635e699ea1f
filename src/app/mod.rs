//! The Yew web app (wasm32 only): a 原文 pane where the speech is pasted,
//! a 提纲 pane that shows its outline, and 引语 / 术语 beside them.
//!
//! Its logic — the state, the reducer, the outline view — is
//! [`crate::app_core`], native Rust; this module renders it and talks to
//! the browser. Data flows one way: the textarea's settled text →
//! [`Action::SetText`] → [`crate::parse`] (in the reducer) → an
//! `Rc<Document>`, its index and the view in [`AppState`] → the
//! components. The root component owns the only `use_reducer`; components
//! get `Rc`s and compare them by pointer.
//!
//! The page (`www/main.js`) loads the wasm module and calls [`run`].

mod components;
pub mod crash;
mod dom;
mod hooks;
mod timing;
mod transfer;
pub mod worker;

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::app_core::state::TransferAction;
pub use crate::app_core::state::{initial_state, Action, AppState, Prefs, Tab, Theme};
use crate::share::ShareError;
use components::{
    ExportMenu, Header, NoticeBar, OpenFile, OutlinePane, PrintButton, PrintHead, QuotesPanel,
    SharePanel, SourcePane, Tabs, TermsPanel, UndoToast, PANES,
};
use dom::storage::{self, Saved};
pub use dom::tree_dom;
use dom::{analyzer, theme};
use hooks::{use_global_keys, use_share_fragment};

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        AppState::reduced(self, action)
    }
}

/// What the reader is told when the browser will not keep their text.
const NOT_SAVED: &str = "浏览器没能在本机保存这段文字（可能太长，或存储已满）：刷新或关闭页面后，它不能恢复。请用“导出”保存提纲，或把原文另存为文件。";

/// The root component.
#[component]
pub fn App() -> Html {
    // The saved text, or a share link's (see app_core/state/mod.rs).
    let state = use_reducer(|| {
        let prefs = Prefs {
            system_dark: theme::system_is_dark(),
            ..storage::load_prefs()
        };
        timing::mark_parse_start();
        let opened_with = OPENED_WITH.with(RefCell::take);
        let mut state = initial_state(opened_with, storage::load_text, prefs);
        // Folds come back with the reader's own text, not a link's.
        if !state.showing_link() {
            state.restore_folds(storage::load_folds());
        }
        state
    });
    let initial = use_memo((), |_| Rc::clone(state.current_text()));

    // A text that storage refuses is said once, until one is kept again.
    let refused = use_mut_ref(|| false);
    // Effects run once the DOM is updated: end the parse-to-outline
    // measure first, then keep the text for the next visit — unless it is
    // a share link's, unedited (state/transfer.rs), or another tab saved a
    // text of its own meanwhile; 保留本页的文字 (`kept`) saves it over that.
    {
        let text = Rc::clone(&state.text);
        let saves = state.saves();
        let dispatch = state.dispatcher();
        let kept = use_mut_ref(|| 0_u32);
        use_effect_with(
            (state.revision, state.transfer.kept),
            move |&(revision, keep)| {
                timing::measure_outline();
                // 引语 and 术语 follow in a task of their own.
                let quotes = dispatch.clone();
                Timeout::new(0, move || quotes.dispatch(Action::ShowQuotes)).forget();
                let over = kept.replace(keep) != keep;
                if (revision > 0 || over) && saves {
                    let saved = if over {
                        storage::save_text_over(&text)
                    } else {
                        storage::save_text(&text)
                    };
                    match saved {
                        Saved::Refused if !refused.replace(true) => {
                            dispatch.dispatch(Action::problem(NOT_SAVED));
                        }
                        Saved::Yes => *refused.borrow_mut() = false,
                        Saved::OtherTab(other) => dispatch
                            .dispatch(Action::Transfer(TransferAction::OtherTab(Rc::from(other)))),
                        _ => {}
                    }
                }
            },
        );
    }
    {
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = storage::watch_other_tabs(move |text| {
                dispatch.dispatch(Action::Transfer(TransferAction::OtherTab(Rc::from(text))));
            });
            move || drop(listener)
        });
    }
    use_effect_with(state.theme, |&choice| {
        theme::apply(choice);
        if let Some(choice) = choice {
            storage::save_theme(choice);
        }
    });
    use_effect_with(state.paragraphs, |&shown| storage::save_paragraphs(shown));
    use_effect_with(state.key_sentences, |&shown| {
        storage::save_key_sentences(shown)
    });
    {
        // The folds are kept as the text is: not a link's, nor while
        // another tab's text is unanswered.
        let saves = state.saves();
        use_effect_with(Rc::clone(&state.folded), move |folded| {
            if saves {
                storage::save_folds(folded.iter().map(|key| &**key));
            }
        });
    }

    // The gangmu:outline measure starts before an action that may parse
    // (the effect above ends it once the outline is drawn).
    //
    // An action that replaces the text (打开, a link, 清空) first takes
    // what 原文 holds, settled or not: typing less than the debounce
    // before is then what 撤销 brings back, not lost.
    let dispatch = use_callback(state.dispatcher(), |action: Action, dispatcher| {
        if action.replaces_text() {
            if let Some(typed) = dom::typed_text() {
                dispatcher.dispatch(Action::SetText(Rc::from(typed)));
            }
        }
        if action.may_parse() {
            timing::mark_parse_start();
        }
        dispatcher.dispatch(action)
    });
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener =
                theme::watch_system(move |dark| dispatch.emit(Action::SystemTheme { dark }));
            move || drop(listener)
        });
    }
    {
        // A large text goes to the analysis worker (see state/analysis.rs).
        let done = dispatch.reform(|(serial, answer)| match answer {
            analyzer::Answer::Parsed(document) => Action::Analyzed {
                serial,
                document: Some(document),
            },
            analyzer::Answer::Unavailable => Action::Analyzed {
                serial,
                document: None,
            },
            analyzer::Answer::Failed => Action::AnalysisFailed { serial },
        });
        use_effect_with(state.analysis.clone(), move |analysis| {
            if let Some(analysis) = analysis {
                analyzer::analyze(analysis.serial, &analysis.value, done);
            }
        });
    }
    let search = use_node_ref();
    {
        // The search box is uncontrolled: a share link's search is written.
        let search = search.clone();
        use_effect_with(state.query_write.clone(), move |write| {
            if let (Some(write), Some(input)) = (write, search.cast::<web_sys::HtmlInputElement>())
            {
                input.set_value(&write.value);
            }
        });
    }
    use_global_keys(dispatch.clone(), state.cleared.is_some(), search.clone());
    use_share_fragment(dispatch.clone(), state.showing_link(), state.revision);

    let pane = |tab: Tab, extra: &'static str, content: Html| {
        let (_, _, tab_id, pane_id) = PANES
            .iter()
            .copied()
            .find(|(other, ..)| *other == tab)
            .unwrap_or(PANES[0]);
        html! {
            <section
                id={pane_id}
                role="tabpanel"
                aria-labelledby={tab_id}
                class={classes!("pane", extra, (state.tab == tab).then_some("active"))}
            >
                { content }
            </section>
        }
    };

    html! {
        <div class="app">
            <Header dark={state.is_dark()} dispatch={dispatch.clone()}>
                <SharePanel
                    state={state.clone()}
                    title={state.document.title.as_deref().map(Rc::from)}
                    share={state.transfer.share.clone()}
                    dispatch={dispatch.clone()}
                />
                <PrintButton searching={state.searching()} dispatch={dispatch.clone()} />
                <ExportMenu quoted={Rc::clone(&state.quoted)} paragraphs={state.paragraphs} key_sentences={state.key_sentences} dispatch={dispatch.clone()} />
                <OpenFile dispatch={dispatch.clone()} />
                // 对比: www/main.js loads www/compare.js when it is pressed.
                <button type="button" class="compare-open">{ "对比" }</button>
            </Header>
            <Tabs tab={state.tab} dispatch={dispatch.clone()} />
            <NoticeBar
                problem={state.transfer.problem.clone()}
                link={state.showing_link().then(|| Rc::clone(state.current_text()))}
                other_tab={state.transfer.other_tab.is_some()}
                dispatch={dispatch.clone()}
            />
            <PrintHead document={Rc::clone(&state.document)} />
            <main class="panes">
                { pane(Tab::Source, "source-pane", html! {
                    <SourcePane
                        initial={Rc::clone(&*initial)}
                        text={Rc::clone(&state.text)}
                        revision={state.revision}
                        write={state.source_write.clone()}
                        reveal={state.source_reveal.clone()}
                        hidden={state.source_hidden}
                        sample={state.sample}
                        dispatch={dispatch.clone()}
                    />
                }) }
                { pane(Tab::Outline, "outline-pane", html! {
                    <OutlinePane
                        document={Rc::clone(&state.document)}
                        roots={Rc::clone(&state.view.roots)}
                        stats={Rc::clone(&state.stats)}
                        paragraphs={state.paragraphs}
                        key_sentences={state.key_sentences}
                        searching={state.searching()}
                        headings_only={state.headings_only}
                        matches={state.view.matches}
                        places={state.hits.spans.len()}
                        has_text={!state.text.trim().is_empty()}
                        analyzing={state.analysis.as_ref().map(|analysis| analysis.value.len())}
                        too_large={state.too_large}
                        reveal={state.tree_reveal.clone()}
                        search={search.clone()}
                        dispatch={dispatch.clone()}
                    />
                }) }
                { pane(Tab::Quotes, "quotes-pane", html! {
                    <>
                        <QuotesPanel quotes={Rc::clone(&state.quotes)} dispatch={dispatch.clone()} />
                        <TermsPanel
                            quotes={Rc::clone(&state.quotes)}
                            current={state.term.clone()}
                            dispatch={dispatch.clone()}
                        />
                    </>
                }) }
            </main>
            <UndoToast
                shown={state.cleared.is_some()}
                message={state.transfer.undo_note.clone().unwrap_or_else(|| Rc::from("已清空"))}
                {dispatch}
            />
        </div>
    }
}

thread_local! {
    /// What the page was opened with, read by [`run`] before the app is
    /// mounted (the browser inflates share links, which takes a promise)
    /// and taken by [`App`] for its first state.
    static OPENED_WITH: RefCell<Option<Result<transfer::link::Opened, ShareError>>> = const { RefCell::new(None) };
}

/// Mounts the app into the page's `#app` element (or `<body>`), in place
/// of the page's 正在加载…… Called by `www/main.js` once the wasm module
/// is loaded. A page opened with a share link shows the link's text from
/// the first render: the link is read before the app is mounted.
#[wasm_bindgen]
pub fn run() {
    crash::install_hook();
    spawn_local(async {
        let opened_with = transfer::link::incoming().await;
        OPENED_WITH.with(|cell| *cell.borrow_mut() = opened_with);
        let document = web_sys::window().and_then(|window| window.document());
        if let Some(boot) = document.as_ref().and_then(|d| d.get_element_by_id("boot")) {
            boot.remove();
        }
        match document.and_then(|document| document.get_element_by_id("app")) {
            Some(root) => yew::Renderer::<App>::with_root(root).render(),
            None => yew::Renderer::<App>::new().render(),
        };
    });
}
