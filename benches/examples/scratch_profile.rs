use ctg_core::{Gazetteer, Portfolio, Validator};
fn main() {
    let geo = ctg_geo::Geography::embedded().unwrap();
    let lines = ctg_benches::national::json_lines(geo);
    let p = Portfolio::from_json_lines(&Validator::new(), lines.as_bytes());
    let date = ctg_benches::national::date();
    let g: &dyn Gazetteer = geo;
    let t = std::time::Instant::now();
    for _ in 0..200 {
        std::hint::black_box(p.summary(date, Some(g)));
    }
    println!("{:?}", t.elapsed() / 200);
}
