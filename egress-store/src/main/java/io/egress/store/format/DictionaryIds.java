package io.egress.store.format;

/**
 * What decoding a dictionary column gives besides its values, for filters that work once per distinct
 * value: each row's dictionary id (null rows get the id one past the dictionary), how many ids there
 * are, the value of each id (made on first use), and the column's term index when the block has one.
 */
public final class DictionaryIds {
    private final int[] ids;
    private int count = -1;
    private TermIndex terms;
    private ColumnCodec.Dictionary dictionary;
    private Object nullValue;

    public DictionaryIds(int rows) {
        this.ids = new int[rows];
    }

    public int[] ids() {
        return ids;
    }

    /** How many distinct ids {@link #ids} may hold; -1 when the column was not a dictionary. */
    public int count() {
        return count;
    }

    /** The term index, or null. */
    public TermIndex terms() {
        return terms;
    }

    /** The value of an id, for a test (made once per segment; not pooled). */
    public Object value(int id) {
        return id == dictionary.size() ? nullValue : dictionary.value(id);
    }

    /** The value of an id for a row that is kept (shared with equal values of other segments when they repeat). */
    public Object keptValue(int id) {
        return id == dictionary.size() ? nullValue : dictionary.kept(id);
    }

    void set(int count, TermIndex terms, ColumnCodec.Dictionary dictionary, Object nullValue) {
        this.count = count;
        this.terms = terms;
        this.dictionary = dictionary;
        this.nullValue = nullValue;
    }
}
