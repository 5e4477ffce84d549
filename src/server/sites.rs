//! Per-scenario sites: each scenario gets a site id, its own origin
//! (`http://<label>.localhost:<port>/`) and a virtual clock, so one browser session can
//! serve many scenarios without cookies or storage leaking between them.
//!
//! A site also holds the conversation state ([`Backend`]); every change to a site wakes
//! whoever waits on it (push streams, steps), so nothing polls.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use serde::Serialize;
use tokio::sync::watch;

use super::backend::Backend;

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
    /// Operators, visitors, transcripts.
    pub backend: Backend,
    /// The IP the backend attributes to visitors. The server listens on loopback only,
    /// so it is `127.0.0.1` unless a scenario stands in another (GeoIP scenarios).
    pub visitor_ip: String,
    /// `document.referrer` for the next page served on this site (consumed by it).
    pub next_referrer: Option<String>,
    /// The site's dashboard settings (configure keys → values), which the widget loads
    /// and page-level `olark.configure` overrides.
    pub settings: serde_json::Map<String, serde_json::Value>,
    /// Seed for the page's `Math.random` (scenarios that pick "at random"), if any.
    pub random_seed: Option<u32>,
    /// Requests from this site's pages that the server answered with an error (a missing
    /// file, a protocol request it rejected), oldest first; at most [`MAX_FAILED_REQUESTS`].
    pub failed_requests: Vec<FailedRequest>,
}

/// How many failed requests a site keeps: enough to explain a failure, bounded for a
/// widget that retries in a loop.
pub const MAX_FAILED_REQUESTS: usize = 50;

/// A request the server answered with a 4xx or 5xx status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailedRequest {
    pub method: String,
    /// Path and query, `/olark/v1/sites/…/messages`.
    pub path: String,
    pub status: u16,
    /// The answer's `error` (the server's JSON errors), or the start of its body.
    pub error: String,
}

impl std::fmt::Display for FailedRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {} → {} {}",
            self.method, self.path, self.status, self.error
        )
    }
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
    sites: Mutex<HashMap<String, Entry>>,
}

#[derive(Debug)]
struct Entry {
    site: Site,
    /// Bumped on every change of the site.
    changed: watch::Sender<u64>,
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
            backend: Backend::default(),
            visitor_ip: "127.0.0.1".into(),
            next_referrer: None,
            settings: serde_json::Map::new(),
            random_seed: None,
            failed_requests: Vec::new(),
        };
        let entry = Entry {
            site: site.clone(),
            changed: watch::channel(0).0,
        };
        self.lock().insert(label, entry);
        site
    }

    pub fn get(&self, label: &str) -> Option<Site> {
        self.lock().get(label).map(|e| e.site.clone())
    }

    /// Reads the site without copying it.
    pub fn read<T>(&self, label: &str, f: impl FnOnce(&Site) -> T) -> Option<T> {
        self.lock().get(label).map(|e| f(&e.site))
    }

    /// Applies `f` to the site, returning `None` if there is no such site, and wakes
    /// everyone waiting on it.
    pub fn update<T>(&self, label: &str, f: impl FnOnce(&mut Site) -> T) -> Option<T> {
        let mut sites = self.lock();
        let entry = sites.get_mut(label)?;
        let out = f(&mut entry.site);
        entry.changed.send_modify(|v| *v += 1);
        Some(out)
    }

    /// A receiver that wakes on every later change of the site.
    pub fn subscribe(&self, label: &str) -> Option<watch::Receiver<u64>> {
        self.lock().get(label).map(|e| e.changed.subscribe())
    }

    /// Waits until `check` returns `Some` for the site, re-checking on each change.
    /// `Err(None)`: the site is gone; `Err(Some(last))`: timed out (with the last reading).
    pub async fn wait_for<T>(
        &self,
        label: &str,
        timeout: Duration,
        mut check: impl FnMut(&Site) -> Result<T, String>,
    ) -> Result<T, Option<String>> {
        let mut rx = self.subscribe(label).ok_or(None)?;
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let last = match self.read(label, &mut check) {
                None => return Err(None),
                Some(Ok(v)) => return Ok(v),
                Some(Err(last)) => last,
            };
            match tokio::time::timeout_at(deadline, rx.changed()).await {
                Ok(Ok(())) => {}
                Ok(Err(_)) => return Err(None),
                Err(_) => return Err(Some(last)),
            }
        }
    }

    /// The label of the site with Olark site id `site_id`.
    pub fn label_of(&self, site_id: &str) -> Option<String> {
        self.lock()
            .values()
            .find(|e| e.site.site_id == site_id)
            .map(|e| e.site.label.clone())
    }

    pub fn remove(&self, label: &str) -> Option<Site> {
        self.lock().remove(label).map(|e| e.site)
    }

    pub fn labels(&self) -> Vec<String> {
        let mut labels: Vec<String> = self.lock().keys().cloned().collect();
        labels.sort();
        labels
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Entry>> {
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

    #[tokio::test]
    async fn waiting_wakes_on_changes() {
        let sites = std::sync::Arc::new(Sites::default());
        let s = sites.create("x");
        assert_eq!(
            sites.label_of(&s.site_id).as_deref(),
            Some(s.label.as_str())
        );
        let waiter = {
            let sites = sites.clone();
            let label = s.label.clone();
            tokio::spawn(async move {
                sites
                    .wait_for(&label, Duration::from_secs(5), |site| {
                        if site.loader_requests >= 2 {
                            Ok(site.loader_requests)
                        } else {
                            Err(format!("{} requests", site.loader_requests))
                        }
                    })
                    .await
            })
        };
        sites.update(&s.label, |s| s.loader_requests += 1);
        sites.update(&s.label, |s| s.loader_requests += 1);
        assert_eq!(waiter.await.unwrap(), Ok(2));
        let timed_out = sites
            .wait_for(&s.label, Duration::from_millis(10), |_| {
                Err::<(), _>("never".to_string())
            })
            .await;
        assert_eq!(timed_out, Err(Some("never".to_string())));
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
        assert!(sites.label_of(&s.site_id).is_none());
        assert!(sites.update(&s.label, |_| ()).is_none());
    }
}
