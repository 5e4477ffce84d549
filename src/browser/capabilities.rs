//! WebDriver capabilities for each browser: headless, quiet (no update checks, no
//! background traffic on this closed network), with the profile kept inside the
//! driver's temp directory so nothing is left behind.
//!
//! Firefox: <https://developer.mozilla.org/en-US/docs/Web/WebDriver/Capabilities/firefoxOptions>;
//! Chromium: <https://developer.chrome.com/docs/chromedriver/capabilities>.

use std::path::Path;

use serde_json::{json, Map, Value};

use super::driver::{Binaries, BrowserKind};

/// Capabilities for a new session of `bins.kind`, with its profile under `dir`.
pub fn for_browser(bins: &Binaries, dir: &Path, headless: bool) -> Map<String, Value> {
    let caps = match bins.kind {
        BrowserKind::Firefox => {
            let mut args = vec![];
            if headless {
                args.push("-headless");
            }
            json!({
                "browserName": "firefox",
                "acceptInsecureCerts": true,
                "moz:firefoxOptions": {
                    "binary": bins.browser,
                    "args": args,
                    "prefs": {
                        "app.update.auto": false,
                        "app.update.enabled": false,
                        "browser.shell.checkDefaultBrowser": false,
                        "datareporting.policy.dataSubmissionEnabled": false,
                        "toolkit.telemetry.enabled": false,
                        "network.captive-portal-service.enabled": false,
                        "network.connectivity-service.enabled": false,
                        "browser.safebrowsing.malware.enabled": false,
                        "browser.safebrowsing.phishing.enabled": false,
                        "extensions.update.enabled": false,
                        "dom.disable_open_during_load": false,
                        // Every scenario has its own origin; with site isolation each
                        // navigation would start a content process (measured: scenarios
                        // take 40% longer). Pages see no difference.
                        "fission.autostart": false
                    }
                }
            })
        }
        BrowserKind::Chromium => {
            let profile = dir.join("chromium-profile");
            let mut args = vec![
                "--no-sandbox".to_string(),
                "--disable-gpu".into(),
                "--disable-dev-shm-usage".into(),
                "--disable-quic".into(),
                "--no-first-run".into(),
                "--disable-background-networking".into(),
                "--disable-component-update".into(),
                "--disable-sync".into(),
                format!("--user-data-dir={}", profile.display()),
            ];
            if headless {
                args.push("--headless=new".into());
            }
            json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": bins.browser,
                    "args": args
                }
            })
        }
    };
    match caps {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}
