//! Resolves names given on the command line and prints the answers as JSON.
//!
//! ```sh
//! cargo run -p ctg-geo --example resolve -- Parisot "St-Amans-Soult"
//! cargo run -p ctg-geo --example resolve -- --departement 82 Parisot
//! cargo run -p ctg-geo --example resolve -- --epci "CC Tarn-Agout"
//! cargo run -p ctg-geo --example resolve -- --text "Parisot, Laguépie et Saint Antonin Noble Val"
//! ```

use ctg_geo::{Context, Geography};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let started = std::time::Instant::now();
    let geo = Geography::embedded()?;
    eprintln!("loaded {} in {:?}", geo.vintage(), started.elapsed());
    let mut context = Context::new();
    let mut mode = "commune";
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--departement" => {
                context = context.departement(args.next().unwrap_or_default().parse()?)
            }
            "--region" => context = context.region(args.next().unwrap_or_default()),
            "--epci-context" => context = context.epci(args.next().unwrap_or_default().parse()?),
            "--epci" => mode = "epci",
            "--text" => mode = "text",
            name => {
                let json = match mode {
                    "epci" => serde_json::to_string_pretty(&geo.resolve_epci(name, &context))?,
                    "text" => serde_json::to_string_pretty(&geo.resolve_text(name, &context))?,
                    _ => serde_json::to_string_pretty(&geo.resolve(name, &context))?,
                };
                println!("{json}");
            }
        }
    }
    Ok(())
}
