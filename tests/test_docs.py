"""The generated docs: counts read by Arrow are the counts of the values."""

from collections import Counter

import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from govreports import docs

values = st.lists(st.sampled_from(["甲", "乙", "", None, "丙丁"]), max_size=30)


@settings(deadline=None)
@given(st.lists(values, min_size=1, max_size=3), values)
def test_counts_by_arrow_are_what_a_counter_of_the_values_gives_in_the_same_order(chunks, more):
    column = pa.chunked_array([pa.array(chunk, pa.string()) for chunk in chunks])
    plain = [v for chunk in chunks for v in chunk]
    assert list(docs._counted(column).most_common()) == Counter(plain).most_common()
    both = docs._counted(column, pa.array(more, pa.string()), name=lambda v: v or "(none)").most_common()
    assert both == Counter(v or "(none)" for v in plain + more).most_common()
