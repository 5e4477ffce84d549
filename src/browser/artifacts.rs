//! What a failed scenario leaves for its author: a screenshot, the page's HTML, the
//! recorder's log (callbacks, console, errors) and the driver log, in one directory per
//! scenario under the artifacts root.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::pool::Session;

/// How long a screenshot or the page source may take: a browser that is slower than this
/// is in trouble, and the artifacts must not hold up the run.
const ARTIFACT_LIMIT: Duration = Duration::from_secs(10);

/// Saves what can be saved about the session's current page into `root/<name>/`.
/// Best effort: a dead browser still yields the directory with whatever was reachable;
/// with `ask_browser` false (it stopped answering) only the files on disk are saved.
pub async fn save(
    session: &Session,
    root: &Path,
    name: &str,
    recorder: Option<&str>,
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
    if let Some(log) = recorder {
        let _ = std::fs::write(dir.join("recorder.json"), log);
    }
    if let Ok(log) = std::fs::read(session.driver_dir().join("driver.log")) {
        let _ = std::fs::write(dir.join("driver.log"), log);
    }
    dir
}
