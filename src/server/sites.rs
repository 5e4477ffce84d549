//! Per-scenario sites: each scenario gets a site id, its own origin
//! (`http://<label>.localhost:<port>/`) and a virtual clock, so one browser session can
//! serve many scenarios without cookies or storage leaking between them.
//!
//! This is the backend state the widget protocol and control API (next issue) extend.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use serde::Serialize;

/// The virtual clock's epoch: every site's clock starts here, so scenario output is
/// reproducible (2026-01-05T09:00:00Z, a Monday morning).
pub const CLOCK_EPOCH_MS: u64 = 1_767_603_600_000;

/// Script a scenario places into the site's embed code, as a site owner would.
#[derive(Debug, Clone, Default, Serialize)]
pub struct EmbedScript {
    /// Placed where the snippet says "custom configuration goes here", before `olark.identify`.
    pub before_identify: String,
    /// Placed right after `olark.identify(...)` in the same inline script, so it still runs
    /// before the loader.
    pub after_identify: String,
}

/// One site of the mock backend.
#[derive(Debug, Clone, Serialize)]
pub struct Site {
    /// DNS label of the site's origin (`s12-show-makes-a-hidden-chatbox-appear`).
    pub label: String,
    /// Olark site id the embed code identifies with (`1000-12-10-1000`).
    pub site_id: String,
    pub embed: EmbedScript,
    /// Whether pages of this site install the virtual clock before any widget code.
    pub virtual_clock: bool,
    /// Milliseconds the site's virtual clock has advanced past [`CLOCK_EPOCH_MS`].
    pub elapsed_ms: u64,
    /// Requests for `/jsclient/loader.js` from this site's origin.
    pub loader_requests: u64,
}

impl Site {
    pub fn now_ms(&self) -> u64 {
        CLOCK_EPOCH_MS + self.elapsed_ms
    }
}

/// All live sites, keyed by label.
#[derive(Debug, Default)]
pub struct Sites {
    next: AtomicU64,
    sites: Mutex<HashMap<String, Site>>,
}

impl Sites {
    /// Creates a site whose label is derived from `name` (any text; reduced to a DNS label).
    pub fn create(&self, name: &str) -> Site {
        let n = self.next.fetch_add(1, Ordering::Relaxed) + 1;
        let label = dns_label(n, name);
        let site = Site {
            label: label.clone(),
            site_id: format!("1000-{n}-10-1000"),
            embed: EmbedScript::default(),
            virtual_clock: false,
            elapsed_ms: 0,
            loader_requests: 0,
        };
        self.lock().insert(label, site.clone());
        site
    }

    pub fn get(&self, label: &str) -> Option<Site> {
        self.lock().get(label).cloned()
    }

    /// Applies `f` to the site, returning `None` if there is no such site.
    pub fn update<T>(&self, label: &str, f: impl FnOnce(&mut Site) -> T) -> Option<T> {
        self.lock().get_mut(label).map(f)
    }

    pub fn remove(&self, label: &str) -> Option<Site> {
        self.lock().remove(label)
    }

    pub fn labels(&self) -> Vec<String> {
        let mut labels: Vec<String> = self.lock().keys().cloned().collect();
        labels.sort();
        labels
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Site>> {
        // A panic while holding the lock cannot leave a site half-updated in a way that
        // matters more than losing every later scenario, so recover the data.
        self.sites.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// `s<n>-<slug>`: unique by `n`, readable by the slug, at most 63 bytes as DNS requires.
fn dns_label(n: u64, name: &str) -> String {
    let mut label = format!("s{n}");
    let mut dash = true;
    for c in name.chars() {
        if label.len() >= 50 {
            break;
        }
        if c.is_ascii_alphanumeric() {
            if dash {
                label.push('-');
            }
            label.push(c.to_ascii_lowercase());
            dash = false;
        } else {
            dash = true;
        }
    }
    label
}

/// Extracts the site label from a `Host` header value (`s3-x.localhost:4123` → `s3-x`).
pub fn label_from_host(host: &str) -> Option<&str> {
    let name = host.rsplit_once(':').map_or(host, |(name, _port)| name);
    let label = name.strip_suffix(".localhost")?;
    (!label.is_empty() && !label.contains('.')).then_some(label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_unique_dns_labels() {
        let sites = Sites::default();
        let a = sites.create("Show makes a hidden chatbox appear!");
        let b = sites.create("Show makes a hidden chatbox appear!");
        assert_ne!(a.label, b.label);
        assert_eq!(a.label, "s1-show-makes-a-hidden-chatbox-appear");
        assert_eq!(a.site_id, "1000-1-10-1000");
        let long = sites.create(&"x y ".repeat(100));
        assert!(long.label.len() <= 63);
        assert!(long
            .label
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-'));
    }

    #[test]
    fn host_parsing() {
        assert_eq!(label_from_host("s3-x.localhost:4123"), Some("s3-x"));
        assert_eq!(label_from_host("s3-x.localhost"), Some("s3-x"));
        assert_eq!(label_from_host("127.0.0.1:4123"), None);
        assert_eq!(label_from_host("a.b.localhost:1"), None);
        assert_eq!(label_from_host("localhost:1"), None);
    }

    #[test]
    fn update_and_remove() {
        let sites = Sites::default();
        let s = sites.create("x");
        sites.update(&s.label, |s| s.elapsed_ms += 1_000).unwrap();
        assert_eq!(
            sites.get(&s.label).unwrap().now_ms(),
            CLOCK_EPOCH_MS + 1_000
        );
        assert!(sites.remove(&s.label).is_some());
        assert!(sites.update(&s.label, |_| ()).is_none());
    }
}
