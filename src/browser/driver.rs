//! WebDriver server processes (geckodriver, chromedriver): finding them, starting each in
//! its own process group with its own ports and profile directory, and making sure none
//! outlives the run.
//!
//! Killing a driver alone orphans its browser, so we always signal the whole process
//! group. Every live group and temp directory is also in a process-wide registry that
//! [`kill_all`] empties: the interrupt handler and the normal shutdown path both call it,
//! so a run that passes, fails, panics or is interrupted leaves nothing behind.
//!
//! A process killed with SIGKILL runs none of that, so each driver also gets a watchdog:
//! a tiny `sh` in a process group of its own, blocked reading a pipe only this process
//! writes to. When this process dies, however it dies, the kernel closes the pipe, the
//! read returns and the watchdog kills the driver's group and removes its directory.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Mutex;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, Command};

use super::BrowserError;

/// Which browser a session drives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BrowserKind {
    /// Headless Firefox through geckodriver.
    Firefox,
    /// Headless Chromium through chromedriver.
    Chromium,
}

impl BrowserKind {
    fn driver_name(self) -> &'static str {
        match self {
            BrowserKind::Firefox => "geckodriver",
            BrowserKind::Chromium => "chromedriver",
        }
    }

    fn browser_names(self) -> &'static [&'static str] {
        match self {
            BrowserKind::Firefox => &["firefox-esr", "firefox"],
            BrowserKind::Chromium => &["chromium", "chromium-browser", "google-chrome"],
        }
    }

    /// The line the driver prints on stdout once it accepts connections.
    fn ready_marker(self) -> &'static str {
        match self {
            BrowserKind::Firefox => "Listening on",
            BrowserKind::Chromium => "started successfully",
        }
    }
}

/// Paths of a driver and its browser, found once per run.
#[derive(Debug, Clone)]
pub struct Binaries {
    pub kind: BrowserKind,
    pub driver: PathBuf,
    pub browser: PathBuf,
}

impl Binaries {
    /// Finds the driver and browser on `PATH` (and `~/.cargo/bin`, where
    /// `cargo install geckodriver` puts it).
    pub fn find(kind: BrowserKind) -> Result<Binaries, BrowserError> {
        let driver = find_on_path(kind.driver_name()).ok_or(BrowserError::NotInstalled {
            what: kind.driver_name(),
        })?;
        let browser = kind
            .browser_names()
            .iter()
            .find_map(|name| find_on_path(name))
            .ok_or(BrowserError::NotInstalled {
                what: kind.browser_names()[0],
            })?;
        Ok(Binaries {
            kind,
            driver,
            browser,
        })
    }
}

fn find_on_path(name: &str) -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(Path::new(&home).join(".cargo/bin"));
    }
    dirs.into_iter()
        .map(|d| d.join(name))
        .find(|p| is_executable(p))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

/// A running driver process group with its own temp directory.
pub struct DriverProcess {
    child: Child,
    pgid: i32,
    port: u16,
    dir: PathBuf,
    /// Kills the group if this process dies without dropping us (see the module docs).
    watchdog: Option<std::process::Child>,
}

impl DriverProcess {
    /// Starts the driver and waits (on its own "listening" line, not a timer) until it
    /// accepts connections.
    pub async fn start(bins: &Binaries, startup: Duration) -> Result<DriverProcess, BrowserError> {
        let dir = tempfile::Builder::new()
            .prefix("olark-conformance-")
            .tempdir()
            .map_err(|e| BrowserError::Start {
                what: "a temp directory for the browser profile".into(),
                detail: e.to_string(),
            })?
            .keep();
        let port = free_port()?;
        let mut cmd = Command::new(&bins.driver);
        match bins.kind {
            BrowserKind::Firefox => {
                let ws = free_port()?;
                cmd.arg("--port")
                    .arg(port.to_string())
                    .arg("--websocket-port")
                    .arg(ws.to_string())
                    .arg("--profile-root")
                    .arg(&dir)
                    .arg("--host")
                    .arg("127.0.0.1");
            }
            BrowserKind::Chromium => {
                cmd.arg(format!("--port={port}"));
            }
        }
        cmd.env("TMPDIR", &dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0)
            .kill_on_drop(true);
        let child = cmd.spawn().map_err(|e| {
            let _ = std::fs::remove_dir_all(&dir);
            BrowserError::Start {
                what: bins.driver.display().to_string(),
                detail: e.to_string(),
            }
        })?;
        let pgid = child.id().map(|id| id as i32).unwrap_or(0);
        let watchdog = spawn_watchdog(pgid, &dir);
        register(pgid, &dir, watchdog.as_ref().map_or(0, |w| w.id() as i32));
        let mut process = DriverProcess {
            child,
            pgid,
            port,
            dir,
            watchdog,
        };
        let ready = tokio::time::timeout(startup, process.wait_ready(bins.kind)).await;
        match ready {
            Ok(Ok(())) => Ok(process),
            Ok(Err(detail)) => Err(BrowserError::Start {
                what: bins.driver.display().to_string(),
                detail,
            }),
            Err(_) => Err(BrowserError::Start {
                what: bins.driver.display().to_string(),
                detail: format!("it did not report listening within {}s", startup.as_secs()),
            }),
        }
    }

    /// Reads stdout until the ready marker, then keeps copying both streams into
    /// `driver.log` so the pipes never fill up and block the driver.
    async fn wait_ready(&mut self, kind: BrowserKind) -> Result<(), String> {
        let stdout = self.child.stdout.take().ok_or("no stdout pipe")?;
        let stderr = self.child.stderr.take().ok_or("no stderr pipe")?;
        let log_path = self.dir.join("driver.log");
        let mut lines = BufReader::new(stdout).lines();
        let mut seen = Vec::new();
        loop {
            match lines.next_line().await {
                Ok(Some(line)) => {
                    let ready = line.contains(kind.ready_marker());
                    seen.push(line);
                    if ready {
                        break;
                    }
                }
                Ok(None) | Err(_) => {
                    return Err(format!(
                        "it exited before listening; it printed: {}",
                        seen.join(" | ")
                    ))
                }
            }
        }
        tokio::spawn(async move {
            let Ok(mut log) = tokio::fs::File::create(&log_path).await else {
                return;
            };
            let _ = log.write_all((seen.join("\n") + "\n").as_bytes()).await;
            let mut err_lines = BufReader::new(stderr).lines();
            let (mut out_open, mut err_open) = (true, true);
            while out_open || err_open {
                tokio::select! {
                    l = lines.next_line(), if out_open => match l {
                        Ok(Some(l)) => { let _ = log.write_all((l + "\n").as_bytes()).await; }
                        _ => out_open = false,
                    },
                    l = err_lines.next_line(), if err_open => match l {
                        Ok(Some(l)) => { let _ = log.write_all((l + "\n").as_bytes()).await; }
                        _ => err_open = false,
                    },
                }
            }
        });
        Ok(())
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Directory for this driver's browser profile and logs; removed on drop.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether the driver process is still running.
    pub fn is_alive(&self) -> bool {
        // Signal 0 checks the process exists without touching it.
        // SAFETY: kill(2) with signal 0 has no side effects.
        self.pgid > 0 && unsafe { libc::kill(self.pgid, 0) } == 0
    }
}

impl Drop for DriverProcess {
    fn drop(&mut self) {
        // The watchdog goes first: once the group is gone its id may be reused.
        if let Some(mut watchdog) = self.watchdog.take() {
            let _ = watchdog.kill();
            let _ = watchdog.wait();
        }
        kill_group(self.pgid);
        // Reap the driver now (SIGKILL makes this prompt), so no zombie `geckodriver`
        // shows up in `pgrep` after the run. The pgid is the driver's pid.
        if self.pgid > 0 {
            let mut status = 0;
            // SAFETY: waitpid on our own child; a child already reaped yields ECHILD.
            unsafe {
                libc::waitpid(self.pgid, &mut status, 0);
            }
        }
        let _ = std::fs::remove_dir_all(&self.dir);
        unregister(self.pgid);
    }
}

fn free_port() -> Result<u16, BrowserError> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .map_err(|e| BrowserError::Start {
            what: "a free loopback port".into(),
            detail: e.to_string(),
        })
}

/// Starts the watchdog of the driver group `pgid`, or `None` (with a warning) if `sh`
/// cannot be started: the run still works, it only loses the SIGKILL guarantee.
fn spawn_watchdog(pgid: i32, dir: &Path) -> Option<std::process::Child> {
    use std::os::unix::process::CommandExt;
    if pgid <= 0 {
        return None;
    }
    let started = std::process::Command::new("sh")
        .arg("-c")
        .arg(r#"read _; kill -9 -"$1" 2>/dev/null; rm -rf -- "$2""#)
        .arg("olark-conformance-watchdog")
        .arg(pgid.to_string())
        .arg(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn();
    match started {
        Ok(child) => Some(child),
        Err(e) => {
            eprintln!(
                "warning: failed to start the watchdog for driver group {pgid} ({e}); a SIGKILL of this run would leave it behind"
            );
            None
        }
    }
}

struct Live {
    pgid: i32,
    dir: PathBuf,
    watchdog: i32,
}

static LIVE: Mutex<Vec<Live>> = Mutex::new(Vec::new());

fn live() -> std::sync::MutexGuard<'static, Vec<Live>> {
    LIVE.lock().unwrap_or_else(|e| e.into_inner())
}

fn register(pgid: i32, dir: &Path, watchdog: i32) {
    live().push(Live {
        pgid,
        dir: dir.to_path_buf(),
        watchdog,
    });
}

fn unregister(pgid: i32) {
    live().retain(|l| l.pgid != pgid);
}

fn kill_group(pgid: i32) {
    if pgid > 0 {
        // SAFETY: killpg has no memory-safety preconditions; a stale pgid at worst
        // yields ESRCH, which we ignore.
        unsafe {
            libc::killpg(pgid, libc::SIGKILL);
        }
    }
}

/// Kills every driver process group this process started and removes their temp
/// directories. Safe to call more than once and from an interrupt handler's task.
pub fn kill_all() -> usize {
    let all: Vec<Live> = std::mem::take(&mut *live());
    for l in &all {
        if l.watchdog > 0 {
            // SAFETY: kill(2) on our own child; a stale pid at worst yields ESRCH.
            unsafe {
                libc::kill(l.watchdog, libc::SIGKILL);
            }
        }
        kill_group(l.pgid);
        let _ = std::fs::remove_dir_all(&l.dir);
    }
    all.len()
}
