//! What a failed scenario leaves for its author: a screenshot, the page's HTML, the
//! recorder's log (callbacks, console, errors) and the driver log, in one directory per
//! scenario under the artifacts root.

use std::path::{Path, PathBuf};

use super::pool::Session;

/// Saves what can be saved about the session's current page into `root/<name>/`.
/// Best effort: a dead browser still yields the directory with whatever was reachable.
pub async fn save(session: &Session, root: &Path, name: &str, recorder: Option<&str>) -> PathBuf {
    let dir = root.join(name);
    let _ = std::fs::create_dir_all(&dir);
    if let Ok(png) = session.client().screenshot().await {
        let _ = std::fs::write(dir.join("screenshot.png"), png);
    }
    if let Ok(html) = session.client().source().await {
        let _ = std::fs::write(dir.join("page.html"), html);
    }
    if let Some(log) = recorder {
        let _ = std::fs::write(dir.join("recorder.json"), log);
    }
    if let Ok(log) = std::fs::read(session.driver_dir().join("driver.log")) {
        let _ = std::fs::write(dir.join("driver.log"), log);
    }
    dir
}
