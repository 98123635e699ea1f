use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::app_core::by_ptr::ByPtr;
use crate::app_core::state::Action;
use crate::{Document, NodeKind};

/// The checkbox's id, which the print stylesheet asks about:
/// `:root:has(#print-unfold:checked)` shows folded groups on paper.
const UNFOLD_ID: &str = "print-unfold";

#[derive(Properties, PartialEq)]
pub struct PrintButtonProps {
    /// Whether a search filters the tree.
    pub searching: bool,
    pub dispatch: Callback<Action>,
}

/// 打印, and whether to print the outline with every node unfolded (the
/// default) or as shown. The choice needs no state and no re-render: the
/// checkbox is uncontrolled, and the print stylesheet reads it through
/// `:has()`, so the browser's own 打印 (Ctrl+P) honours it too, and the
/// screen never changes — except while a search filters the tree, whose
/// hidden rows no stylesheet can show: the whole outline is then drawn for
/// the paper and the search's rows again after it (see [`Action::Printing`]).
#[component]
pub fn PrintButton(props: &PrintButtonProps) -> Html {
    let unfold = use_node_ref();
    let whole = {
        let unfold = unfold.clone();
        move || {
            unfold
                .cast::<HtmlInputElement>()
                .is_some_and(|input| input.checked())
        }
    };
    {
        // Ctrl+P and the browser's menu: `beforeprint` comes from the
        // browser with no script running, so Yew renders before the page
        // is laid out for paper.
        let (whole, dispatch) = (whole.clone(), props.dispatch.clone());
        use_effect_with((), move |_| {
            let listeners = web_sys::window().map(|window| {
                let before = dispatch.clone();
                (
                    EventListener::new(&window, "beforeprint", move |_| {
                        before.emit(Action::Printing { whole: whole() });
                    }),
                    EventListener::new(&window, "afterprint", move |_| {
                        dispatch.emit(Action::Printing { whole: false });
                    }),
                )
            });
            move || drop(listeners)
        });
    }
    // 打印: `beforeprint` would come inside this click's handler, before
    // Yew renders (in a microtask), so the whole outline is drawn first and
    // the dialog opened a task later.
    let print = {
        let (searching, dispatch) = (props.searching, props.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            if searching && whole() {
                dispatch.emit(Action::Printing { whole: true });
                let dispatch = dispatch.clone();
                Timeout::new(0, move || {
                    open_print_dialog();
                    // The dialog has closed (print() blocks), or there was
                    // none and so no afterprint will come: back to the
                    // search either way.
                    dispatch.emit(Action::Printing { whole: false });
                })
                .forget();
            } else {
                open_print_dialog();
            }
        })
    };
    html! {
        <span class="print-control">
            <button type="button" onclick={print}>{ "打印" }</button>
            <label class="print-choice" title="不勾选则按屏幕上的折叠状态打印">
                <input type="checkbox" id={UNFOLD_ID} ref={unfold} checked=true />
                { "打印时全部展开" }
            </label>
        </span>
    }
}

fn open_print_dialog() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

#[derive(Properties, PartialEq)]
pub struct PrintHeadProps {
    pub document: ByPtr<Document>,
}

/// What heads the printed page: the title, then the front matter
/// (subtitle, date, speaker, source, an editor's note) once, as a document
/// sets it under its title; the tree leaves its front rows off paper. Only
/// the print stylesheet shows it.
#[component]
pub fn PrintHead(props: &PrintHeadProps) -> Html {
    let document = &props.document;
    let front = document
        .nodes
        .iter()
        .filter(|node| node.kind == NodeKind::Front)
        .map(|node| {
            // A long line is a note, set as a paragraph; short ones centred.
            let note = node.heading.chars().count() > FRONT_LINE_MAX;
            html! {
                <p class={classes!("print-front", note.then_some("print-note"))}>
                    { node.heading.clone() }
                </p>
            }
        });
    html! {
        <div class="print-head">
            <p class="print-title">{ document.title.clone().unwrap_or_else(|| "提纲".to_string()) }</p>
            { for front }
        </div>
    }
}

/// Chars beyond which a front-matter line prints as a note.
const FRONT_LINE_MAX: usize = 40;
