<?php
// PHP code that has nothing to do with the pixel: no finding, though it is not read.
function order_total(array $items): int {
    return array_sum(array_column($items, "amount"));
}
