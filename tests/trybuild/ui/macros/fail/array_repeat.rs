// vec!'s repeat form is not array!'s.
use ndcore::prelude::*;

fn main() {
    let _ = array![0.0; 3];
}
