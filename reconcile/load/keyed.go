package load

// keyed holds a table's keys, each with a value, in the order the file
// gives them. A claim has five or so keys: looking along a list of them
// is as quick as hashing, and the list costs a fraction of a Go map's
// memory, which at hundreds of thousands of tables is most of what
// parsing allocates. Past indexFrom keys a map is kept beside the list,
// so that a file giving one table thousands of keys is still read in
// linear time.
type keyed[V any] struct {
	list  []keyedPair[V]
	index map[string]int // position in list, once it is long
}

type keyedPair[V any] struct {
	key string
	val V
}

const indexFrom = 16

// fields are a table's keys and values.
type fields = keyed[any]

func (k *keyed[V]) find(key string) int {
	if k.index != nil {
		if i, ok := k.index[key]; ok {
			return i
		}
		return -1
	}
	for i := range k.list {
		if k.list[i].key == key {
			return i
		}
	}
	return -1
}

func (k *keyed[V]) get(key string) (V, bool) {
	if i := k.find(key); i >= 0 {
		return k.list[i].val, true
	}
	var zero V
	return zero, false
}

func (k *keyed[V]) has(key string) bool { return k.find(key) >= 0 }

// put adds key with val unless key is there already (the first definition
// is the one that counts), and says whether it added it.
func (k *keyed[V]) put(key string, val V) bool {
	if k.find(key) >= 0 {
		return false
	}
	k.list = append(k.list, keyedPair[V]{key, val})
	switch n := len(k.list); {
	case n == indexFrom:
		k.index = make(map[string]int, 2*n)
		for i, p := range k.list {
			k.index[p.key] = i
		}
	case n > indexFrom:
		k.index[key] = n - 1
	}
	return true
}

func (k *keyed[V]) len() int { return len(k.list) }

// The tables of a file are built one after another, so they can share
// one allocation: begin gives k the free room at the start of pool, and
// end closes k's list and returns the room left after it. A table that
// outgrows the pool moves to memory of its own, leaving the pool used up.
func (k *keyed[V]) begin(pool []keyedPair[V]) { k.list = pool[:0] }

func (k *keyed[V]) end(pool []keyedPair[V]) []keyedPair[V] {
	n := len(k.list)
	k.list = k.list[:n:n] // nothing appended later may run into the next table
	return pool[min(n, len(pool)):]
}

// tableOf is v as a table, if it is one. fastDecode makes fields; the
// TOML decoder, which reads the files fastDecode does not, makes maps,
// whose keys go in sorted so that nothing depends on map order.
func tableOf(v any) (*fields, bool) {
	switch t := v.(type) {
	case *fields:
		return t, true
	case map[string]any:
		f := &fields{list: make([]keyedPair[any], 0, len(t))}
		for _, k := range sortedKeys(t) {
			f.put(k, t[k])
		}
		return f, true
	}
	return nil, false
}
