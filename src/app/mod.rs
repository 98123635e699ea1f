//! The Yew web app (wasm32 only).
