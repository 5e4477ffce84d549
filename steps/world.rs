//! The scenario World: one site on the mock backend, one pooled browser session, and the
//! page helpers every step uses (script execution, in-page waits, the recorder).
//!
//! Harness faults (lost session, page that never loaded) are marked on the World when
//! they happen, so the report can tell them apart from conformance failures.

use std::fmt;
use std::future::Future;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use anyhow::anyhow;
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::elements::Element;
use fantoccini::error::{CmdError, ErrorStatus};
use fantoccini::{Client, Locator};
use olark_conformance::browser::Session;
use olark_conformance::profile::Part;
use olark_conformance::server::sites::Site;
use olark_conformance::suite::Harness;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Longest one WebDriver command may take. Scripts are bounded by the session's 30 s
/// script timeout and navigation by its 20 s page-load timeout, so a command that outlives
/// both means the browser stopped answering: typically a page script looping forever,
/// which freezes the page and, without this, the whole run.
pub const COMMAND_DEADLINE: Duration = Duration::from_secs(45);

/// The run's harness; set once by the runner before any scenario starts.
pub static HARNESS: OnceLock<Arc<Harness>> = OnceLock::new();

/// A step's error, printed with its whole context chain (`{:#}`), since cucumber shows a
/// failed step's error through `Display`.
pub struct Failure(anyhow::Error);

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.into())
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#}", self.0)
    }
}

pub type StepResult = Result<(), Failure>;

/// `bail!` for steps: returns a [`Failure`] built like `anyhow!`.
macro_rules! fail {
    ($($arg:tt)*) => {
        return Err($crate::steps::world::Failure::from(anyhow::anyhow!($($arg)*)))
    };
}
pub(crate) use fail;

#[derive(cucumber::World)]
#[world(init = Self::new)]
pub struct OlarkWorld {
    pub harness: Arc<Harness>,
    /// The documented call this scenario's feature covers (named in every assertion).
    pub call: String,
    /// Label of this scenario's site (and origin) on the mock backend.
    pub site: String,
    pub session: Option<Session>,
    /// Whether this scenario has opened a page; until then the session may still show the
    /// previous scenario's page, which no step may touch.
    pub page_open: bool,
    /// Sizes noted by `the visitor notes the size of the {part}`, by part phrase.
    pub noted: std::collections::HashMap<String, (f64, f64)>,
    /// A text noted by `the visitor notes the last operator message`.
    pub noted_text: Option<String>,
    /// Whether a step resized the window (the session gets its size back afterwards).
    pub resized: bool,
    /// The browser stopped answering (see [`COMMAND_DEADLINE`]): nothing more is asked of it.
    pub unresponsive: bool,
    /// When the scenario's first hook ran.
    pub started: Instant,
    /// Set when the harness itself failed; the scenario is then an error, not a failure.
    pub fault: Option<String>,
}

impl fmt::Debug for OlarkWorld {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OlarkWorld")
            .field("call", &self.call)
            .field("site", &self.site)
            .field("session", &self.session.as_ref().map(|s| s.id()))
            .field("fault", &self.fault)
            .finish()
    }
}

impl OlarkWorld {
    fn new() -> anyhow::Result<Self> {
        let harness = HARNESS.get().cloned().ok_or_else(|| {
            anyhow!(
                "harness error: scenarios run only under the suite's runner (steps::suite::main)"
            )
        })?;
        Ok(OlarkWorld {
            harness,
            call: String::new(),
            site: String::new(),
            session: None,
            page_open: false,
            noted: Default::default(),
            noted_text: None,
            resized: false,
            unresponsive: false,
            started: Instant::now(),
            fault: None,
        })
    }

    pub fn timeout_ms(&self) -> u64 {
        self.harness.profile.timing.timeout_ms
    }

    pub fn settle_ms(&self) -> u64 {
        self.harness.profile.timing.settle_ms
    }

    pub fn selector(&self, part: Part) -> &str {
        self.harness.profile.selectors.get(part)
    }

    /// Records a harness fault and returns it as the step's error.
    pub fn fault(&mut self, what: impl fmt::Display) -> anyhow::Error {
        let message = format!("harness error: {what}");
        self.fault.get_or_insert_with(|| message.clone());
        anyhow!(message)
    }

    /// Changes this scenario's site on the mock backend.
    pub fn update_site<T>(&mut self, f: impl FnOnce(&mut Site) -> T) -> anyhow::Result<T> {
        let label = self.site.clone();
        match self.harness.server.sites().update(&label, f) {
            Some(v) => Ok(v),
            None => Err(self.fault(format!("the scenario's site {label:?} is gone"))),
        }
    }

    /// A copy of this scenario's site as the backend sees it now.
    pub fn site_state(&mut self) -> anyhow::Result<Site> {
        self.update_site(|s| s.clone())
    }

    /// The scenario's browser session, checked out of the pool on first use.
    pub async fn session(&mut self) -> anyhow::Result<&Session> {
        if self.session.is_none() {
            match self.harness.pool.checkout().await {
                Ok(s) => self.session = Some(s),
                Err(e) => return Err(self.fault(e)),
            }
        }
        self.session
            .as_ref()
            .ok_or_else(|| anyhow!("harness error: no session"))
    }

    /// Runs one WebDriver command on the scenario's session within [`COMMAND_DEADLINE`].
    /// The outer error is the harness's (no session, or the browser stopped answering:
    /// a fault, and the session is discarded); the inner one is the command's own.
    pub async fn webdriver<T, Fut>(
        &mut self,
        doing: &str,
        command: impl FnOnce(Client) -> Fut,
    ) -> anyhow::Result<Result<T, CmdError>>
    where
        Fut: Future<Output = Result<T, CmdError>>,
    {
        let client = self.session().await?.client().clone();
        self.within_deadline(doing, command(client)).await
    }

    /// [`Self::webdriver`] for commands on an element found earlier.
    pub async fn within_deadline<T>(
        &mut self,
        doing: &str,
        command: impl Future<Output = Result<T, CmdError>>,
    ) -> anyhow::Result<Result<T, CmdError>> {
        match tokio::time::timeout(COMMAND_DEADLINE, command).await {
            Ok(result) => Ok(result),
            Err(_) => {
                self.unresponsive = true;
                Err(self.fault(format!(
                    "the browser did not answer within {} s while {doing}; a script in the page may be \
                     looping forever (the session is discarded)",
                    COMMAND_DEADLINE.as_secs()
                )))
            }
        }
    }

    /// Navigates to a fixture page of this scenario's site and checks the shim loaded.
    pub async fn open(&mut self, page: &str) -> anyhow::Result<()> {
        let url = format!("{}{page}", self.harness.server.origin(&self.site));
        let loaded = self
            .webdriver(&format!("loading {url}"), |c| {
                let url = url.clone();
                async move { c.goto(&url).await }
            })
            .await?;
        if let Err(e) = loaded {
            return Err(self.fault(format!("failed to load {url}: {e}")));
        }
        self.page_open = true;
        // The pointer stays where the previous scenario's last click left it, and could
        // hover the new page's widget (hover styles change computed colours): park it in
        // the page's top-left corner, where fixture pages have nothing.
        // Two moves, so the pointer really moves (and the page gets a mousemove) even when
        // this input source already rests where a move would take it.
        let park = MouseActions::new("pointer".into())
            .then(PointerAction::MoveTo {
                duration: None,
                x: 7.0,
                y: 7.0,
            })
            .then(PointerAction::MoveTo {
                duration: None,
                x: 3.0,
                y: 3.0,
            });
        let parked = self
            .webdriver("moving the pointer", |c| async move {
                c.perform_actions(park).await
            })
            .await?;
        if let Err(e) = parked {
            return Err(self.command_error(e, "failed to move the pointer out of the way"));
        }
        let shim: Value = self
            .exec("return !!window.__olarkConformance", vec![])
            .await?;
        if shim != Value::Bool(true) {
            return Err(self.fault(format!(
                "failed to load the harness shim on {url} (is it a fixture page that includes /harness/shim.js?)"
            )));
        }
        Ok(())
    }

    /// Runs a synchronous script in the page.
    pub async fn exec(&mut self, js: &str, args: Vec<Value>) -> anyhow::Result<Value> {
        self.require_page()?;
        let result = self
            .webdriver(
                "running a script",
                |c| async move { c.execute(js, args).await },
            )
            .await?;
        self.classify(result)
    }

    /// Runs an asynchronous script (its last argument is the completion callback) and
    /// decodes what it passes back. In-page waits use this: one round trip per wait.
    pub async fn exec_async<T: DeserializeOwned>(
        &mut self,
        js: &str,
        args: Vec<Value>,
    ) -> anyhow::Result<T> {
        self.require_page()?;
        let result = self
            .webdriver("running a script", |c| async move {
                c.execute_async(js, args).await
            })
            .await?;
        let value = self.classify(result)?;
        serde_json::from_value(value.clone())
            .map_err(|e| self.fault(format!("failed to read the page's answer {value}: {e}")))
    }

    fn require_page(&mut self) -> anyhow::Result<()> {
        if self.page_open {
            Ok(())
        } else {
            Err(self.fault(
                "no page is open yet: a step that looks at the page must come after \"the visitor opens the page\"",
            ))
        }
    }

    fn classify(&mut self, result: Result<Value, CmdError>) -> anyhow::Result<Value> {
        result.map_err(|e| self.command_error(e, "a script in the page failed"))
    }

    /// Finds the element `what` describes; not finding it is the implementation's failure.
    pub async fn find(&mut self, locator: Locator<'_>, what: &str) -> anyhow::Result<Element> {
        self.require_page()?;
        let found = self
            .webdriver(
                "finding an element",
                |c| async move { c.find(locator).await },
            )
            .await?;
        found.map_err(|e| self.command_error(e, &format!("expected {what}")))
    }

    /// Resizes the window so the viewport is `width` × `height` CSS pixels (the window's
    /// chrome is measured and added).
    pub async fn resize_viewport(&mut self, width: u32, height: u32) -> anyhow::Result<()> {
        self.resized = true;
        // Reading the window's own chrome is harmless even on a previous scenario's page,
        // so this works before the scenario opens one.
        let measured = self
            .webdriver("measuring the window", |c| async move {
                c.execute(
                    "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]",
                    vec![],
                )
                .await
            })
            .await?;
        let chrome = self.classify(measured)?;
        let extra = |i: usize| chrome.get(i).and_then(Value::as_u64).unwrap_or(0) as u32;
        let (w, h) = (width + extra(0), height + extra(1));
        let resized = self
            .webdriver("resizing the window", |c| async move {
                c.set_window_size(w, h).await
            })
            .await?;
        resized.map_err(|e| self.fault(format!("failed to resize the window: {e}")))
    }

    /// Whether an element matching `selector` is displayed (`want` true) or not (false)
    /// within `timeout_ms`: one in-page wait.
    pub async fn displayed_within(&mut self, selector: &str, want: bool) -> anyhow::Result<bool> {
        let timeout = self.timeout_ms();
        self.exec_async(
            "const [sel, want, timeout, done] = arguments;
             const H = window.__olarkConformance;
             H.waitFor(() => H.displayed(sel) === want, timeout).then(ok => done(!!ok));",
            vec![selector.into(), want.into(), timeout.into()],
        )
        .await
    }

    /// The part's first element, once the part is displayed: what a visitor acts on.
    async fn actionable(&mut self, part: Part, doing: &str) -> anyhow::Result<(String, Element)> {
        let selector = self.selector(part).to_string();
        if !self.displayed_within(&selector, true).await? {
            return Err(anyhow!(
                "{}: expected a {part} ({selector}) to {doing}, but none was displayed within {} ms",
                self.call,
                self.timeout_ms()
            ));
        }
        let el = self
            .find(
                Locator::Css(&selector),
                &format!("a {part} ({selector}) to {doing}"),
            )
            .await?;
        Ok((selector, el))
    }

    /// Clicks the widget part, as a visitor does, once it is displayed.
    pub async fn click(&mut self, part: Part) -> anyhow::Result<()> {
        let (selector, el) = self.actionable(part, "click").await?;
        let clicked = self.within_deadline("clicking", el.click()).await?;
        clicked
            .map_err(|e| self.command_error(e, &format!("failed to click the {part} ({selector})")))
    }

    /// Types into the widget part once it is displayed (WebDriver key codes such as
    /// Enter, `\u{E007}`, work).
    pub async fn type_into(&mut self, part: Part, keys: &str) -> anyhow::Result<()> {
        let (selector, el) = self.actionable(part, "type into").await?;
        let typed = self.within_deadline("typing", el.send_keys(keys)).await?;
        typed.map_err(|e| {
            self.command_error(e, &format!("failed to type into the {part} ({selector})"))
        })
    }

    /// A failed WebDriver command: a harness fault when the browser or driver is gone,
    /// otherwise a failure of the call under test.
    pub fn command_error(&mut self, e: CmdError, doing: &str) -> anyhow::Error {
        if is_harness_fault(&e) {
            self.fault(format!("browser session lost ({doing}): {e}"))
        } else {
            anyhow!("{}: {doing}, but: {e}", self.call)
        }
    }

    /// Whether the widget became ready within `timeout_ms`: a harness callback (not
    /// recorded) passed to the latched `api.chat.onReady` fired.
    pub async fn ready_within(&mut self, timeout_ms: u64) -> anyhow::Result<bool> {
        self.exec_async(
            "const done = arguments[arguments.length - 1];
             window.__olarkConformance.whenReady(arguments[0]).then(done);",
            vec![timeout_ms.into()],
        )
        .await
    }

    /// Waits (in the page) until the profile's timing allows "nothing more will happen".
    pub async fn settle(&mut self) -> anyhow::Result<()> {
        let settle = self.settle_ms();
        let _: Value = self
            .exec_async(
                "const done = arguments[arguments.length - 1];
                 window.__olarkConformance.settle(arguments[0]).then(() => done(null));",
                vec![settle.into()],
            )
            .await?;
        Ok(())
    }
}

/// Errors that say the browser or driver is gone, as opposed to the page misbehaving.
fn is_harness_fault(e: &CmdError) -> bool {
    match e {
        CmdError::Standard(wd) => matches!(
            wd.error,
            ErrorStatus::InvalidSessionId
                | ErrorStatus::SessionNotCreated
                | ErrorStatus::NoSuchWindow
                | ErrorStatus::UnknownError
                | ErrorStatus::UnknownCommand
                | ErrorStatus::UnknownMethod
        ),
        CmdError::Lost(_)
        | CmdError::Failed(_)
        | CmdError::FailedC(_)
        | CmdError::NotJson(_)
        | CmdError::NotW3C(_)
        | CmdError::Json(_) => true,
        _ => false,
    }
}
