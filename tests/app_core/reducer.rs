//! The reducer, data-driven: every test is `check_actions(text, actions,
//! expected)`, which starts the app's state on `text`, carries out the
//! actions in order, and compares the state's dump ([`super::dump`]) with
//! `expected` (its indentation normalised, so cases indent with the code).

use std::rc::Rc;

use gangmu::app_core::state::{Action, AppState, Prefs, TransferAction};

use super::dump::dump;

/// The state after `actions`, starting from `text` with default
/// preferences, as the dump prints it.
pub fn run(text: &str, actions: impl IntoIterator<Item = Action>) -> String {
    let mut state = Rc::new(AppState::new(Rc::from(text), Prefs::default()));
    let mut changed = true;
    for action in actions {
        let next = Rc::clone(&state).reduced(action);
        changed = !Rc::ptr_eq(&next, &state);
        state = next;
    }
    dump(&state, changed)
}

pub fn check_actions(text: &str, actions: impl IntoIterator<Item = Action>, expected: &str) {
    let actions: Vec<Action> = actions.into_iter().collect();
    let names: Vec<&str> = actions.iter().map(variant).collect();
    let actual = run(text, actions);
    let expected = normalise(expected);
    assert!(
        actual == expected,
        "\nafter {}\n--- expected ---\n{expected}--- actual ---\n{actual}",
        names.join(", ")
    );
}

/// The variant of `action`, as the tests write it. The match has no
/// wildcard, so a new action does not compile until it is named here,
/// and then `every_action_is_checked` asks for a test that uses it.
pub fn variant(action: &Action) -> &'static str {
    match action {
        Action::SetText(_) => "Action::SetText",
        Action::Analyzed { .. } => "Action::Analyzed",
        Action::AnalysisFailed { .. } => "Action::AnalysisFailed",
        Action::Clear => "Action::Clear",
        Action::UndoClear => "Action::UndoClear",
        Action::DismissUndo => "Action::DismissUndo",
        Action::SourceLength(_) => "Action::SourceLength",
        Action::ShowSource => "Action::ShowSource",
        Action::HideSource => "Action::HideSource",
        Action::ShowQuotes => "Action::ShowQuotes",
        Action::LoadSample => "Action::LoadSample",
        Action::Toggle(_) => "Action::Toggle",
        Action::Choose(_) => "Action::Choose",
        Action::Tap(_) => "Action::Tap",
        Action::Focus(_) => "Action::Focus",
        Action::TreeKey(_) => "Action::TreeKey",
        Action::TypeAhead { .. } => "Action::TypeAhead",
        Action::ExpandAll => "Action::ExpandAll",
        Action::CollapseAll => "Action::CollapseAll",
        Action::ExpandToLevel(_) => "Action::ExpandToLevel",
        Action::ShowParagraphs(_) => "Action::ShowParagraphs",
        Action::ShowKeySentences(_) => "Action::ShowKeySentences",
        Action::SearchHeadingsOnly(_) => "Action::SearchHeadingsOnly",
        Action::SearchStep { .. } => "Action::SearchStep",
        Action::SetQuery(_) => "Action::SetQuery",
        Action::SourceCaret { .. } => "Action::SourceCaret",
        Action::RevealQuote(_) => "Action::RevealQuote",
        Action::NextTerm(_) => "Action::NextTerm",
        Action::SetTab(_) => "Action::SetTab",
        Action::SetTheme(_) => "Action::SetTheme",
        Action::SystemTheme { .. } => "Action::SystemTheme",
        Action::Printing { .. } => "Action::Printing",
        Action::Transfer(action) => match action {
            TransferAction::Sharing => "TransferAction::Sharing",
            TransferAction::ShowLink(_) => "TransferAction::ShowLink",
            TransferAction::Copied { .. } => "TransferAction::Copied",
            TransferAction::Open { .. } => "TransferAction::Open",
            TransferAction::Problem(_) => "TransferAction::Problem",
            TransferAction::DismissProblem => "TransferAction::DismissProblem",
            TransferAction::OtherTab(_) => "TransferAction::OtherTab",
            TransferAction::TakeOtherTab => "TransferAction::TakeOtherTab",
            TransferAction::KeepThisTab => "TransferAction::KeepThisTab",
        },
    }
}

/// Every variant [`variant`] names is used by a test in `actions.rs`.
#[test]
fn every_action_is_checked() {
    let names = include_str!("reducer.rs")
        .lines()
        .filter_map(|line| line.trim().split("=> \"").nth(1)?.strip_suffix("\","))
        .filter(|name| name.contains("Action::"));
    let tests = include_str!("actions.rs");
    let mut count = 0;
    for name in names {
        count += 1;
        assert!(tests.contains(name), "no test in actions.rs uses {name}");
    }
    assert_eq!(count, 41, "the names in `variant` were not all read");
}

/// `expected` without its blank first and last lines, and without the
/// first line's indentation on every line.
fn normalise(expected: &str) -> String {
    let expected = expected.trim_end().trim_start_matches('\n');
    let margin = &expected[..expected.len() - expected.trim_start().len()];
    expected
        .lines()
        .map(|line| format!("{}\n", line.strip_prefix(margin).unwrap_or(line)))
        .collect()
}
