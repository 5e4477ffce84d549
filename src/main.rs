//! The `olark-conformance` command line: run the suite against an implementation, serve
//! the fixture site for manual exploration, or check a profile.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use olark_conformance::profile::Profile;
use olark_conformance::server::Server;

#[path = "../steps/mod.rs"]
mod steps;

#[derive(Parser)]
#[command(
    name = "olark-conformance",
    version,
    about = "Checks a JavaScript widget against the documented Olark live-chat API in real browsers"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the conformance suite (the same as `cargo test`) and print a result per
    /// documented call. Options: `olark-conformance run --help`.
    #[command(disable_help_flag = true)]
    Run {
        /// Suite and cucumber options, e.g. `--implementation implementations/x --tags @box`.
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<OsString>,
    },
    /// Serve the fixture site and an implementation on one site, to explore by hand.
    Serve {
        /// Implementation profile (a profile.toml or its directory).
        #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/implementations/reference"))]
        implementation: PathBuf,
        /// The fixture site.
        #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures-site"))]
        fixtures: PathBuf,
    },
    /// Check an implementation profile and print what it resolves to.
    CheckProfile {
        /// A profile.toml or a directory holding one.
        path: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Run { args } => {
            let argv = std::iter::once(OsString::from("olark-conformance run"))
                .chain(args)
                .collect();
            steps::suite::main(argv)
        }
        Command::Serve {
            implementation,
            fixtures,
        } => serve(implementation, fixtures),
        Command::CheckProfile { path } => match Profile::load(&path) {
            Ok(p) => {
                println!("profile {:?}: {}", p.name, p.description);
                println!(
                    "  /jsclient/loader.js -> {}",
                    p.files_dir.join(&p.loader_entry).display()
                );
                println!("  scope: {}", p.scope.describe());
                for &part in olark_conformance::parts::Part::ALL {
                    let lazy = matches!(
                        p.part(part),
                        olark_conformance::profile::PartSpec::Selectors { lazy: true, .. }
                    );
                    println!(
                        "  {:<18} {}{}",
                        part.key(),
                        p.describe_part(part),
                        if lazy { " (lazy)" } else { "" }
                    );
                }
                println!("  timing: {:?}", p.timing);
                println!("  unsupported: {:?}", p.unsupported);
                for k in &p.known_failures {
                    println!(
                        "  known failure: {} — {} ({})",
                        k.call, k.scenario, k.reason
                    );
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(2)
            }
        },
    }
}

fn serve(implementation: PathBuf, fixtures: PathBuf) -> ExitCode {
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: failed to start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    runtime.block_on(async {
        let profile = match Profile::load(&implementation) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
        let server = match Server::start(fixtures, &profile).await {
            Ok(s) => s,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(2);
            }
        };
        let site = server.sites().create("manual");
        println!("serving {:?}", profile.name);
        println!("  site {}: {}", site.site_id, server.origin(&site.label));
        println!("  pages: embed.sub.html, embed-twice.sub.html, embed-array-stub.sub.html, click-to-chat.sub.html");
        println!("  control API: {}", server.control_url());
        println!("Ctrl-C stops.");
        let _ = tokio::signal::ctrl_c().await;
        server.stop().await;
        ExitCode::SUCCESS
    })
}
