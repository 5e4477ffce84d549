//! A fixed-size pool of WebDriver sessions, reused across scenarios.
//!
//! At most `size` sessions exist at once: a checked-out session carries a semaphore
//! permit, so a session that is dropped (crashed, discarded after a harness fault) frees
//! its slot and the next checkout starts a replacement.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use fantoccini::wd::TimeoutConfiguration;
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use super::capabilities;
use super::driver::{Binaries, BrowserKind, DriverProcess};
use super::BrowserError;

/// How the pool starts sessions.
#[derive(Debug, Clone)]
pub struct PoolOptions {
    pub kind: BrowserKind,
    pub size: usize,
    pub headless: bool,
    /// Limit for one driver + browser start.
    pub startup: Duration,
    /// Window size every session starts with.
    pub window: (u32, u32),
}

/// One browser session and the driver process group behind it.
pub struct Session {
    client: Client,
    driver: DriverProcess,
    id: usize,
    permit: Option<OwnedSemaphorePermit>,
}

impl Session {
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Sequence number of this session in the run (1-based), for reports.
    pub fn id(&self) -> usize {
        self.id
    }

    fn is_alive(&self) -> bool {
        self.driver.is_alive()
    }

    pub fn driver_dir(&self) -> &std::path::Path {
        self.driver.dir()
    }

    /// Closes the WebDriver session, then the process group goes with the drop.
    pub async fn close(self, limit: Duration) {
        let Session { client, driver, .. } = self;
        let _ = tokio::time::timeout(limit, client.close()).await;
        drop(driver);
    }
}

pub struct Pool {
    bins: Binaries,
    opts: PoolOptions,
    idle: Mutex<Vec<Session>>,
    permits: Arc<Semaphore>,
    started: AtomicUsize,
    closed: AtomicBool,
}

impl Pool {
    /// Checks that the driver and browser exist; starts nothing yet.
    pub fn new(opts: PoolOptions) -> Result<Pool, BrowserError> {
        let bins = Binaries::find(opts.kind)?;
        Ok(Pool {
            bins,
            permits: Arc::new(Semaphore::new(opts.size.max(1))),
            opts,
            idle: Mutex::new(Vec::new()),
            started: AtomicUsize::new(0),
            closed: AtomicBool::new(false),
        })
    }

    pub fn size(&self) -> usize {
        self.opts.size.max(1)
    }

    /// The window size every session starts with (and gets back after a scenario
    /// resized it).
    pub fn window(&self) -> (u32, u32) {
        self.opts.window
    }

    pub fn kind(&self) -> BrowserKind {
        self.opts.kind
    }

    /// How many sessions were started so far, replacements included.
    pub fn sessions_started(&self) -> usize {
        self.started.load(Ordering::Relaxed)
    }

    /// Starts every session of the pool concurrently, so the first scenarios do not wait
    /// for browsers one after another. Fails if any session fails to start.
    pub async fn prewarm(&self) -> Result<(), BrowserError> {
        let starts = (0..self.size()).map(|_| self.start_session());
        let sessions = futures::future::join_all(starts).await;
        let mut first_error = None;
        for s in sessions {
            match s {
                Ok(s) => self.idle().push(s),
                Err(e) => {
                    first_error.get_or_insert(e);
                }
            }
        }
        first_error.map_or(Ok(()), Err)
    }

    /// Takes an idle session, or starts one if fewer than `size` exist.
    pub async fn checkout(&self) -> Result<Session, BrowserError> {
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| BrowserError::PoolClosed)?;
        if self.closed.load(Ordering::Relaxed) {
            return Err(BrowserError::PoolClosed);
        }
        let idle = self.idle().pop();
        let mut session = match idle {
            Some(s) if s.is_alive() => s,
            // A session whose driver died is dropped (its group killed) and replaced.
            _ => self.start_session().await?,
        };
        session.permit = Some(permit);
        Ok(session)
    }

    /// Returns a healthy session for the next scenario.
    pub fn checkin(&self, mut session: Session) {
        session.permit = None;
        if self.closed.load(Ordering::Relaxed) {
            return;
        }
        self.idle().push(session);
    }

    /// Closes every idle session (concurrently) and refuses further checkouts.
    pub async fn shutdown(&self) {
        self.closed.store(true, Ordering::Relaxed);
        self.permits.close();
        let sessions: Vec<Session> = std::mem::take(&mut *self.idle());
        let closes = sessions
            .into_iter()
            .map(|s| s.close(Duration::from_secs(3)));
        futures::future::join_all(closes).await;
    }

    async fn start_session(&self) -> Result<Session, BrowserError> {
        let driver = DriverProcess::start(&self.bins, self.opts.startup).await?;
        let caps = capabilities::for_browser(&self.bins, driver.dir(), self.opts.headless);
        let mut builder = ClientBuilder::new(HttpConnector::new());
        builder.capabilities(caps);
        let client = tokio::time::timeout(self.opts.startup, builder.connect(&driver.url()))
            .await
            .map_err(|_| {
                BrowserError::Session(format!(
                    "the browser did not start within {}s",
                    self.opts.startup.as_secs()
                ))
            })?
            .map_err(|e| BrowserError::Session(e.to_string()))?;
        let timeouts = TimeoutConfiguration::new(
            Some(Duration::from_secs(30)),
            Some(Duration::from_secs(20)),
            Some(Duration::ZERO),
        );
        client
            .update_timeouts(timeouts)
            .await
            .map_err(|e| BrowserError::Session(e.to_string()))?;
        let (w, h) = self.opts.window;
        client
            .set_window_size(w, h)
            .await
            .map_err(|e| BrowserError::Session(e.to_string()))?;
        let id = self.started.fetch_add(1, Ordering::Relaxed) + 1;
        Ok(Session {
            client,
            driver,
            id,
            permit: None,
        })
    }

    fn idle(&self) -> std::sync::MutexGuard<'_, Vec<Session>> {
        self.idle.lock().unwrap_or_else(|e| e.into_inner())
    }
}
