//! Reading never panics, whatever the bytes: garbage, truncated workbooks, CSV-like noise.

use ctg_tables::{scdl, Importer};
use proptest::prelude::*;

fn all_readers(bytes: &[u8]) {
    let import = Importer::new().import(&[("t.csv", bytes)]);
    let _ = import.validate();
    let _ = scdl::read(bytes, "s.csv");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        all_readers(&bytes);
    }

    #[test]
    fn csv_like_noise(text in "[A-Za-zé0-9 ;,.\"\r\n€\u{a0}'=-]{0,400}") {
        let header = "Bénéficiaire;Équipement;2023;2024;Total\n";
        all_readers(format!("{header}{text}").as_bytes());
        let long = "Bénéficiaire;Équipement;Année;Montant\n";
        all_readers(format!("{long}{text}").as_bytes());
        let plan = "N°;Titre;Début;Statut;Budget\n";
        all_readers(format!("{plan}{text}").as_bytes());
    }

    #[test]
    fn damaged_workbooks(cut in 0usize..6000, flip in 0usize..6000, byte in any::<u8>()) {
        let book = ctg_tables::Exporter::new(ctg_core::Lang::Fr)
            .xlsx(&ctg_core::Convention::sample())
            .expect("workbook");
        let mut damaged = book[..cut.min(book.len())].to_vec();
        all_readers(&damaged);
        damaged = book.clone();
        if let Some(b) = damaged.get_mut(flip) {
            *b ^= byte;
        }
        all_readers(&damaged);
    }
}

#[test]
fn a_far_away_cell_is_refused_by_the_limits_not_allocated() {
    // An .xlsx whose only cell is at XFD1048576: reading it would make a 17-billion-cell grid.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Bénéficiaire").expect("cell");
    sheet.write_string(1_048_575, 16_383, "far").expect("cell");
    let bytes = book.save_to_buffer().expect("workbook");
    let read = ctg_tables::read_table(&bytes, "far.xlsx");
    assert_eq!(read.issues[0].code.as_str(), "table.too_large");
}
