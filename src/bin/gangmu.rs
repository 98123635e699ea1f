//! The `gangmu` command line: prints the outline of a speech or report.
fn main() {
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).ok();
    let doc = gangmu::parse(&text);
    println!("{}", serde_json::to_string_pretty(&doc).unwrap_or_default());
}
