//! The harness's page-side files, compiled in from `fixtures-site/harness/`, so the
//! scripts a page runs always match the steps of this binary, whatever `--fixtures`
//! points at.
//!
//! - `shim.js` and `query.js` are served together as `/harness/harness.js` (one request
//!   per page load, cached for the run), loaded by every fixture page through the
//!   `{{harness}}` placeholder: the recorder, the virtual clock, and the query layer every
//!   step goes through.
//! - The `webdriver/` scripts are what WebDriver runs: [`INVOKE`] calls one named query
//!   of the query layer, [`WINDOW_CHROME`] measures the window's frame (it must work on
//!   any page, the shim not loaded).

/// The recorder, console capture, virtual clock and in-page waiting primitives.
pub const SHIM: &str = include_str!("../../fixtures-site/harness/shim.js");

/// The query layer: the scope, which element of a part counts, and every named query.
pub const QUERY: &str = include_str!("../../fixtures-site/harness/query.js");

/// `execute_async` body: `arguments = [name, args, done]`, answers `{ok, value}`,
/// `{ok: false, error}` or `{missing: ...}`.
pub const INVOKE: &str = include_str!("../../fixtures-site/harness/webdriver/invoke.js");

/// `execute` body: the window's frame around the viewport, `[width, height]`.
pub const WINDOW_CHROME: &str =
    include_str!("../../fixtures-site/harness/webdriver/window-chrome.js");

/// What a fixture page loads: the shim, then the query layer, as one script (both read
/// their settings from its data attributes).
pub const PAGE_SCRIPT: &str = concat!(
    include_str!("../../fixtures-site/harness/shim.js"),
    "\n",
    include_str!("../../fixtures-site/harness/query.js")
);

/// The file served at `/harness/<name>`.
pub fn file(name: &str) -> Option<&'static str> {
    match name {
        "harness.js" => Some(PAGE_SCRIPT),
        _ => None,
    }
}
