//! One small component per file. Props derive `PartialEq`; what the
//! state holds behind an `Rc` is a [`ByPtr`] prop, compared by pointer,
//! and an `Rc` is passed for it as it is (the `IntoPropValue` below).

use std::rc::Rc;

use yew::html::IntoPropValue;

use crate::app_core::by_ptr::ByPtr;

mod copy_outline;
mod export_menu;
mod header;
mod notice_bar;
mod open_file;
mod outline_pane;
mod outline_toolbar;
mod print_button;
mod quotes_panel;
mod search_box;
mod share_panel;
mod source_pane;
mod tabs;
mod terms_panel;
mod tree;
mod undo_toast;

pub use copy_outline::CopyOutline;
pub use export_menu::ExportMenu;
pub use header::Header;
pub use notice_bar::NoticeBar;
pub use open_file::OpenFile;
pub use outline_pane::OutlinePane;
pub use outline_toolbar::OutlineToolbar;
pub use print_button::{PrintButton, PrintHead};
pub use quotes_panel::QuotesPanel;
pub use search_box::SearchBox;
pub use share_panel::SharePanel;
pub use source_pane::SourcePane;
pub use tabs::{Tabs, PANES};
pub use terms_panel::TermsPanel;
pub use tree::Tree;
pub use undo_toast::UndoToast;

impl<T: ?Sized> IntoPropValue<ByPtr<T>> for Rc<T> {
    fn into_prop_value(self) -> ByPtr<T> {
        ByPtr::new(self)
    }
}

/// A button that is on or off (`aria-pressed`): 显示段落, 显示要句, 仅标题.
/// A click dispatches `action(!pressed)`.
fn toggle_button(
    name: &'static str,
    title: &'static str,
    class: &'static str,
    pressed: bool,
    dispatch: &yew::Callback<crate::app_core::state::Action>,
    action: fn(bool) -> crate::app_core::state::Action,
) -> yew::Html {
    let onclick = dispatch.reform(move |_: web_sys::MouseEvent| action(!pressed));
    yew::html! {
        <button type="button" {class} aria-pressed={pressed.to_string()} {title} {onclick}>
            { name }
        </button>
    }
}
