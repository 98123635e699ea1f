//! The state of 分享 and 打开: the share link on show, the text a share
//! link brought, and what could not be opened.
//!
//! **The rule for share links.** A text that arrives in a link is shown
//! but not saved: the reader's own text in `localStorage` stays as it was
//! until they edit the shared text (or bring in another by 清空, 撤销,
//! 打开, 载入示例). The link stays in the address bar while its text is
//! shown unedited, so a reload shows it again; after an edit the fragment
//! is dropped, so a reload shows the saved, edited text. A link that
//! cannot be read changes nothing but shows why.
//!
//! **The rule for other tabs.** Each tab saves its own text, and two tabs
//! on one text would overwrite each other. When another tab saves a text
//! different from this one's (a `storage` event, or a save that finds the
//! stored text changed since this tab read or wrote it), this tab stops
//! saving and says so ([`Transfer::other_tab`]), offering to take the
//! other text (撤销 brings its own back) or to keep its own, which then
//! replaces the other — and the other tab is told the same. Nothing is
//! overwritten that its writer was not told of.

use std::rc::Rc;

use super::{AppState, Command, Tab, TreeFocus};
use crate::app_core::outline::KeySet;
use crate::share::SharedView;

/// 分享, 打开 and share links, in [`AppState::transfer`].
#[derive(Clone, Debug, Default)]
pub struct Transfer {
    /// The share panel's link, made when 分享 was pressed (`None` while
    /// it is being made).
    pub share: Option<ShareLink>,
    /// The text a share link brought. While it is the very text shown
    /// ([`AppState::showing_link`]), the text is not saved.
    pub link_text: Option<Rc<str>>,
    /// Why a link or a file could not be opened, until dismissed.
    pub problem: Option<Rc<str>>,
    /// What the undo toast says when 打开 or a link replaced the text
    /// (`None`: 已清空).
    pub undo_note: Option<Rc<str>>,
    /// The text another tab saved over this one's: while it is here, this
    /// tab does not save (see the rule above).
    pub other_tab: Option<Rc<str>>,
    /// Counts 保留本页的文字: each time, this tab's text is saved over the
    /// other tab's.
    pub kept: u32,
    /// What the sender of the link being opened saw, until the link's
    /// text is parsed (a large one, in the worker) and it is shown.
    pending_view: Option<Rc<SharedView>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ShareLink {
    pub url: Rc<str>,
    /// Whether the clipboard took it; `None` while asking.
    pub copied: Option<bool>,
}

/// Where a text that replaces the reader's came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// A file, by name.
    File(Rc<str>),
    /// A share link opened while the app was open (the address changed),
    /// with what its sender saw if it says.
    Link(Option<Rc<SharedView>>),
    /// The text saved on this machine, brought back from a shared one.
    Saved,
    /// The text another tab saved ([`TransferAction::TakeOtherTab`]).
    OtherTab,
}

pub enum TransferAction {
    /// 分享 was pressed: the link is being made.
    Sharing,
    /// Show this link.
    ShowLink(Rc<str>),
    /// The clipboard took `url`, or refused it.
    Copied {
        url: Rc<str>,
        ok: bool,
    },
    /// Replace the text, keeping the old one for 撤销.
    Open {
        text: Rc<str>,
        origin: Origin,
    },
    /// Say why something could not be opened.
    Problem(Rc<str>),
    DismissProblem,
    /// Another tab saved this text.
    OtherTab(Rc<str>),
    /// Take the text another tab saved, keeping this one for 撤销.
    TakeOtherTab,
    /// Keep this tab's text, saving it over the other tab's.
    KeepThisTab,
}

/// Why a text over [`super::TEXT_LIMIT`] was not opened.
fn too_large_to_open(size: usize, origin: &Origin) -> String {
    let megabytes = |bytes: usize| {
        let tenths = (bytes + 50_000) / 100_000;
        format!("{}.{}", tenths / 10, tenths % 10)
    };
    let what = match origin {
        Origin::File(name) => format!("“{name}”"),
        Origin::Link(_) | Origin::Saved | Origin::OtherTab => "这段文字".to_string(),
    };
    format!(
        "{what}有 {} MB，超过了 {} MB 的上限，没有打开。原文没有改动。",
        megabytes(size),
        megabytes(super::TEXT_LIMIT)
    )
}

impl super::Action {
    /// Says why something could not be done (see [`TransferAction::Problem`]).
    pub fn problem(message: &str) -> Self {
        super::Action::Transfer(TransferAction::Problem(Rc::from(message)))
    }
}

impl AppState {
    /// A state for a page opened with a share link's text.
    pub fn from_link(text: Rc<str>, view: Option<SharedView>, prefs: super::Prefs) -> Self {
        let mut state = AppState::new(text, prefs);
        state.transfer.link_text = Some(Rc::clone(state.current_text()));
        state.transfer.pending_view = view.map(Rc::new);
        state.show_pending_view();
        state
    }

    /// What the tree shows, for a share link to carry
    /// ([`SharedView::suffix`]).
    pub fn shared_view(&self) -> SharedView {
        let position = |key: &str| self.index.find(key).and_then(|at| u32::try_from(at).ok());
        // In the index's order, so ascending.
        let entries = self.index.entries.iter().enumerate();
        let folded = entries.filter(|(_, entry)| self.folded.contains(&entry.key));
        SharedView {
            outline: self.index.fingerprint,
            folded: folded
                .filter_map(|(at, _)| u32::try_from(at).ok())
                .collect(),
            selected: self.selected.as_deref().and_then(position),
            query: self.query.to_string(),
            headings_only: self.headings_only,
            paragraphs: self.paragraphs,
            key_sentences: self.key_sentences,
        }
    }

    /// Shows what the sender of the link saw, once the link's text is
    /// parsed: the search and the toggles always, the folds and the
    /// selected row if this parse is the sender's outline (the same
    /// fingerprint), scrolled into view.
    pub(super) fn show_pending_view(&mut self) {
        if self.analysis.is_some() || !self.showing_link() {
            return;
        }
        let Some(view) = self.transfer.pending_view.take() else {
            return;
        };
        self.paragraphs = view.paragraphs;
        self.key_sentences = view.key_sentences;
        self.headings_only = view.headings_only;
        if *self.query != *view.query {
            self.query = Rc::from(view.query.as_str());
            let serial = self.next_serial();
            self.query_write = Some(Command {
                serial,
                value: Rc::clone(&self.query),
            });
        }
        if view.outline == self.index.fingerprint {
            let key = |at: &u32| {
                let entry = self.index.entries.get(usize::try_from(*at).ok()?)?;
                Some(Rc::clone(&entry.key))
            };
            let folded: KeySet = view.folded.iter().filter_map(key).collect();
            self.folded = Rc::new(folded);
            self.selected = view.selected.as_ref().and_then(key);
            if self.selected.is_some() {
                self.reveal_in_tree(TreeFocus::Never);
            }
        }
        self.refresh_view();
    }

    /// Whether the text shown is a share link's, unedited: not to be saved.
    /// (A large one may still be in the analysis worker.)
    pub fn showing_link(&self) -> bool {
        self.transfer
            .link_text
            .as_ref()
            .is_some_and(|text| Rc::ptr_eq(text, self.current_text()))
    }

    /// Whether the text shown is to be saved: not a share link's,
    /// unedited, nor while another tab's newer text is unanswered.
    pub fn saves(&self) -> bool {
        !self.showing_link() && self.transfer.other_tab.is_none()
    }

    /// Carries out a transfer action; returns whether anything changed.
    pub(super) fn apply_transfer(&mut self, action: TransferAction) -> bool {
        let transfer = &mut self.transfer;
        match action {
            TransferAction::Sharing => transfer.share = None,
            TransferAction::ShowLink(url) => {
                transfer.share = Some(ShareLink { url, copied: None });
            }
            TransferAction::Copied { url, ok } => match &mut transfer.share {
                Some(share) if share.url == url => share.copied = Some(ok),
                _ => return false,
            },
            TransferAction::Open { text, origin } => {
                // 打开 and a link by `hashchange` obey the limit a paste
                // does; the text shown stays as it is.
                if text.len() > super::TEXT_LIMIT {
                    transfer.problem = Some(Rc::from(too_large_to_open(text.len(), &origin)));
                    return true;
                }
                transfer.problem = None;
                transfer.undo_note = Some(Rc::from(match &origin {
                    Origin::File(name) => format!("已打开“{name}”"),
                    Origin::Link(_) => "已打开分享的文本".to_string(),
                    Origin::Saved => "已恢复本机保存的文本".to_string(),
                    Origin::OtherTab => "已换成另一个标签页的文字".to_string(),
                }));
                // 撤销 brings back the text replaced; replacing nothing
                // (after 清空) keeps what 清空 removed.
                let link = matches!(origin, Origin::Link(_));
                transfer.link_text = link.then(|| Rc::clone(&text));
                transfer.pending_view = match origin {
                    Origin::Link(view) => view,
                    _ => None,
                };
                if !self.current_text().is_empty() {
                    self.cleared = Some(Rc::clone(self.current_text()));
                }
                self.write_source(text);
                self.tab = Tab::Outline;
                self.show_pending_view();
            }
            TransferAction::Problem(message) => transfer.problem = Some(message),
            TransferAction::DismissProblem => return transfer.problem.take().is_some(),
            TransferAction::OtherTab(text) => {
                // A link's text is not saved: the other tab's is the
                // reader's own, which 回到我的文本 reads afresh.
                let differs = !self.showing_link() && text != *self.current_text();
                let other = differs.then_some(text);
                let changed = other != self.transfer.other_tab;
                self.transfer.other_tab = other;
                return changed;
            }
            TransferAction::TakeOtherTab => {
                let Some(text) = self.transfer.other_tab.take() else {
                    return false;
                };
                let origin = Origin::OtherTab;
                return self.apply_transfer(TransferAction::Open { text, origin });
            }
            TransferAction::KeepThisTab => {
                if self.transfer.other_tab.take().is_none() {
                    return false;
                }
                self.transfer.kept += 1;
            }
        }
        true
    }
}
