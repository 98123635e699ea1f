//! The `gangmu:outline` User Timing measure: how long a parse and the
//! render of its outline take together. Read it in the browser with
//! `performance.getEntriesByName("gangmu:outline")`.

use web_sys::Performance;

/// The mark set just before each parse.
pub const PARSE_START: &str = "gangmu:parse-start";
/// The measure from [`PARSE_START`] to the outline being in the DOM.
pub const OUTLINE: &str = "gangmu:outline";

fn performance() -> Option<Performance> {
    web_sys::window()?.performance()
}

/// Marks the start of a parse, replacing the previous mark.
pub fn mark_parse_start() {
    if let Some(performance) = performance() {
        performance.clear_marks_with_mark_name(PARSE_START);
        // Timing is diagnostics only: a browser that refuses it loses nothing.
        let _ = performance.mark(PARSE_START);
    }
}

/// Ends the measure. Call once the new outline is rendered.
pub fn measure_outline() {
    if let Some(performance) = performance() {
        let _ = performance.measure_with_start_mark(OUTLINE, PARSE_START);
    }
}
