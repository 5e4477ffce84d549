//! What a failed scenario leaves for its author: a screenshot, the page's HTML, the
//! driver log and the files the steps collected (the recorder's log, what the harness saw
//! of each part, the widget's DOM in its scope, the requests that failed), in one
//! directory per scenario under the artifacts root.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::pool::Session;

/// How long a screenshot or the page source may take: a browser that is slower than this
/// is in trouble, and the artifacts must not hold up the run.
const ARTIFACT_LIMIT: Duration = Duration::from_secs(10);

/// Saves what can be saved about the session's current page into `root/<name>/`, with
/// `files` (name, contents) beside it. Best effort: a dead browser still yields the
/// directory with whatever was reachable; with `ask_browser` false (it stopped
/// answering) only the files on disk are saved.
pub async fn save(
    session: &Session,
    root: &Path,
    name: &str,
    files: &[(&str, String)],
    ask_browser: bool,
) -> PathBuf {
    let dir = root.join(name);
    let _ = std::fs::create_dir_all(&dir);
    if ask_browser {
        let shot = tokio::time::timeout(ARTIFACT_LIMIT, session.client().screenshot()).await;
        if let Ok(Ok(png)) = shot {
            let _ = std::fs::write(dir.join("screenshot.png"), png);
        }
        let source = tokio::time::timeout(ARTIFACT_LIMIT, session.client().source()).await;
        if let Ok(Ok(html)) = source {
            let _ = std::fs::write(dir.join("page.html"), html);
        }
    }
    for (file, contents) in files {
        let _ = std::fs::write(dir.join(file), contents);
    }
    if let Ok(log) = std::fs::read(session.driver_dir().join("driver.log")) {
        let _ = std::fs::write(dir.join("driver.log"), log);
    }
    dir
}
