//! Reading back one item of an exported HTML page's outline list, for the
//! tests that compare it with the document or the app.

/// The `<li>` `item`'s row — the `.label`, the gap written after it and the
/// `.heading`, in its `<summary>` when it has one, without the child count
/// and the kind badge — and its nested list, if it has one.
pub fn html_item<'a, 'input>(
    item: roxmltree::Node<'a, 'input>,
) -> (String, Option<roxmltree::Node<'a, 'input>>) {
    let details = item.children().find(|n| n.has_tag_name("details"));
    let row = details
        .and_then(|d| d.children().find(|n| n.has_tag_name("summary")))
        .unwrap_or(item);
    let mut text = String::new();
    for n in row.children() {
        match n.attribute("class") {
            Some("label") => text.extend(n.text()),
            Some("heading") => {
                text.extend(n.text());
                break;
            }
            _ if n.is_text() && !text.is_empty() => text.extend(n.text()),
            _ => {}
        }
    }
    let nested = details.and_then(|d| d.children().find(|n| n.has_tag_name("ul")));
    (text, nested)
}
