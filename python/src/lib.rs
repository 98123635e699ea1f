//! `gangmu._gangmu`: the native half of the Python module `gangmu`.
//!
//! Every function hands Python a JSON string, which `gangmu/__init__.py`
//! reads with `json.loads`: the dicts are then the document model's serde
//! JSON exactly (`docs/FORMAT.md`), with no second mapping of the model to
//! keep in step. Parsing runs with the interpreter detached (the GIL
//! released), `parse_many` on a rayon pool.
//!
//! Python strings may hold lone surrogates, which no Rust `String` can:
//! each becomes U+FFFD, one char for one code point, so spans still index
//! the Python string.
#![cfg(not(target_arch = "wasm32"))]

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// The text of a Python `str`, lone surrogates as U+FFFD.
fn text_of(value: &Bound<'_, PyAny>) -> PyResult<String> {
    let Ok(text) = value.cast::<PyString>() else {
        return Err(PyTypeError::new_err(format!(
            "expected str, not {}",
            value.get_type().name()?
        )));
    };
    if let Ok(text) = text.to_str() {
        return Ok(text.to_owned());
    }
    // Not valid UTF-8: surrogates. UTF-32 with `surrogatepass` gives one
    // unit per code point.
    let units = text.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    let units = units.cast::<PyBytes>()?.as_bytes();
    Ok(units
        .chunks_exact(4)
        .map(|unit| {
            let code = u32::from_le_bytes([unit[0], unit[1], unit[2], unit[3]]);
            char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect())
}

/// The document model as compact JSON.
fn model_json(doc: &gangmu::Document) -> String {
    serde_json::to_string(doc).expect("a Document always serialises")
}

/// `parse(text)` as JSON.
#[pyfunction]
fn parse_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = text_of(text)?;
    Ok(py.detach(|| model_json(&gangmu::parse(&text))))
}

/// The document exactly as `gangmu --format json` prints it: pretty
/// JSON with a final newline.
#[pyfunction]
fn parse_pretty_json(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
    let text = text_of(text)?;
    Ok(py.detach(|| gangmu::export::json(&gangmu::parse(&text))))
}

/// `[parse(text) for text in texts]` as one JSON list, parsed in
/// parallel: on `threads` threads, or every core when `None`.
#[pyfunction]
#[pyo3(signature = (texts, threads=None))]
fn parse_many_json(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    threads: Option<usize>,
) -> PyResult<String> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "parse_many takes an iterable of str, not one str",
        ));
    }
    let texts = texts
        .try_iter()?
        .map(|text| text_of(&text?))
        .collect::<PyResult<Vec<String>>>()?;
    let pool = match threads {
        Some(0) => return Err(PyValueError::new_err("threads must be at least 1")),
        Some(count) => Some(
            rayon::ThreadPoolBuilder::new()
                .num_threads(count)
                .build()
                .map_err(|err| PyValueError::new_err(err.to_string()))?,
        ),
        None => None,
    };
    Ok(py.detach(|| {
        use rayon::prelude::*;
        let parse_all = || -> Vec<String> {
            texts
                .par_iter()
                .map(|text| model_json(&gangmu::parse(text)))
                .collect()
        };
        let documents = match &pool {
            Some(pool) => pool.install(parse_all),
            None => parse_all(),
        };
        let mut json = String::with_capacity(documents.iter().map(String::len).sum::<usize>() + 2);
        json.push('[');
        json.push_str(&documents.join(","));
        json.push(']');
        json
    }))
}

/// The document of `doc`: a text to parse, or the JSON of a model.
fn document_of(
    py: Python<'_>,
    text: Option<String>,
    model: Option<&str>,
) -> PyResult<gangmu::Document> {
    match (text, model) {
        (Some(text), _) => Ok(py.detach(|| gangmu::parse(&text))),
        (None, Some(model)) => serde_json::from_str(model)
            .map_err(|err| PyValueError::new_err(format!("not a gangmu document: {err}"))),
        (None, None) => Err(PyTypeError::new_err("expected a text or a document")),
    }
}

/// The node rows of a text or of a model's JSON, as a JSON list.
#[pyfunction]
#[pyo3(signature = (text=None, model=None, name=None))]
fn node_rows_json(
    py: Python<'_>,
    text: Option<&Bound<'_, PyAny>>,
    model: Option<&str>,
    name: Option<&str>,
) -> PyResult<String> {
    let text = text.map(text_of).transpose()?;
    let doc = document_of(py, text, model)?;
    Ok(serde_json::to_string(&gangmu::table::node_rows(name, &doc)).expect("rows serialise"))
}

/// The quotation rows of a text or of a model's JSON, as a JSON list.
#[pyfunction]
#[pyo3(signature = (text=None, model=None, name=None))]
fn quote_rows_json(
    py: Python<'_>,
    text: Option<&Bound<'_, PyAny>>,
    model: Option<&str>,
    name: Option<&str>,
) -> PyResult<String> {
    let text = text.map(text_of).transpose()?;
    let doc = document_of(py, text, model)?;
    Ok(serde_json::to_string(&gangmu::table::quote_rows(name, &doc)).expect("rows serialise"))
}

#[pymodule]
fn _gangmu(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(parse_json, module)?)?;
    module.add_function(wrap_pyfunction!(parse_pretty_json, module)?)?;
    module.add_function(wrap_pyfunction!(parse_many_json, module)?)?;
    module.add_function(wrap_pyfunction!(node_rows_json, module)?)?;
    module.add_function(wrap_pyfunction!(quote_rows_json, module)?)?;
    Ok(())
}
