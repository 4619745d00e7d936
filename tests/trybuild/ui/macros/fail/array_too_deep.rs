// Seven levels of brackets: static ranks stop at Ix6.
use ndcore::prelude::*;

fn main() {
    let _ = array![[[[[[[1]]]]]]];
}
