//! `report.svg`: one panel per figure, a group of horizontal bars per case and size, one
//! bar per implementation, time on a log scale. plotters' SVG backend writes text as
//! `<text>` elements, so no font files are read.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::report::{self, Column, Group, Report, human_count, human_time};
use crate::run::Result;

const WIDTH: u32 = 1100;
const BAR: u32 = 7;
const GAP: u32 = 6;
const PANEL_CHROME: u32 = 70;
const LABEL_WIDTH: i32 = 190;

fn colour(column: Column) -> RGBColor {
    match column {
        Column::Paper => RGBColor(150, 150, 150),
        Column::NumpyFresh => RGBColor(253, 174, 97),
        Column::NumpyWarm => RGBColor(230, 85, 13),
        Column::Nd => RGBColor(49, 130, 189),
        Column::Loop => RGBColor(116, 196, 118),
        Column::Limit => RGBColor(40, 40, 40),
    }
}

/// Draws `report` into the SVG file `path`.
pub fn svg(report: &Report, path: &Path) -> Result {
    let figures = report.figures();
    let heights: Vec<u32> = figures
        .iter()
        .map(|(_, _, groups)| {
            let bars: usize = groups.iter().map(|g| g.cells.len()).sum();
            PANEL_CHROME + bars as u32 * BAR + groups.len() as u32 * GAP
        })
        .collect();
    let legend = 40;
    let height = legend + heights.iter().sum::<u32>();
    let root = SVGBackend::new(path, (WIDTH, height)).into_drawing_area();
    let err = |e: DrawingAreaErrorKind<_>| format!("drawing {}: {e}", path.display());
    root.fill(&WHITE).map_err(err)?;
    draw_legend(&root).map_err(err)?;

    let mut top = legend;
    for ((figure, title, groups), h) in figures.iter().zip(heights) {
        let area = root.clone().shrink((0, top), (WIDTH, h));
        let name = report::figure_name(figure);
        draw_panel(&root, &area, &format!("{name}: {title}"), groups).map_err(err)?;
        top += h;
    }
    root.present().map_err(err)?;
    Ok(())
}

fn draw_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
) -> std::result::Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let mut x = 20;
    for column in Column::ALL {
        root.draw(&Rectangle::new(
            [(x, 14), (x + 14, 26)],
            colour(column).filled(),
        ))?;
        root.draw(&Text::new(
            column.label(),
            (x + 20, 20),
            ("sans-serif", 14)
                .into_font()
                .color(&BLACK)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        x += 40 + 8 * column.label().len() as i32;
    }
    root.draw(&Text::new(
        "median time per call, log scale",
        (x + 10, 20),
        ("sans-serif", 13)
            .into_font()
            .color(&RGBColor(90, 90, 90))
            .pos(Pos::new(HPos::Left, VPos::Center)),
    ))?;
    Ok(())
}

fn draw_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    area: &DrawingArea<DB, plotters::coord::Shift>,
    caption: &str,
    groups: &[Group],
) -> std::result::Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let times = groups
        .iter()
        .flat_map(|g| g.cells.iter().map(|(_, r)| r.median_s))
        .filter(|t| *t > 0.0);
    let (lo, hi) = times.fold((f64::MAX, f64::MIN), |(lo, hi), t| (lo.min(t), hi.max(t)));
    if lo > hi {
        return Ok(());
    }
    let (lo, hi) = (
        10f64.powf((lo / 2.0).log10().floor()),
        10f64.powf((hi * 2.0).log10().ceil()),
    );
    // One unit of y per bar, GAP/BAR units between groups; the first group at the top.
    let gap = GAP as f64 / BAR as f64;
    let total: f64 = groups
        .iter()
        .map(|g| g.cells.len() as f64 + gap)
        .sum::<f64>();
    let mut chart = ChartBuilder::on(area)
        .caption(caption, ("sans-serif", 16))
        .margin(8)
        .margin_right(30)
        .x_label_area_size(24)
        .y_label_area_size(LABEL_WIDTH as u32)
        .build_cartesian_2d((lo..hi).log_scale(), 0.0..total)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_label_formatter(&|t| human_time(*t))
        .x_label_style(("sans-serif", 11))
        .draw()?;

    let mut y = total;
    for g in groups {
        y -= gap / 2.0;
        let top = y;
        for (column, row) in &g.cells {
            let t = row.median_s.max(lo);
            chart.draw_series(std::iter::once(Rectangle::new(
                [(lo, y - 0.9), (t, y)],
                colour(*column).filled(),
            )))?;
            y -= 1.0;
        }
        let centre = chart.backend_coord(&(lo, (top + y) / 2.0));
        root.draw(&Text::new(
            format!("{} n={}", g.case, human_count(g.n)),
            (centre.0 - 6, centre.1),
            ("sans-serif", 12)
                .into_font()
                .color(&BLACK)
                .pos(Pos::new(HPos::Right, VPos::Center)),
        ))?;
        y -= gap / 2.0;
    }
    Ok(())
}
