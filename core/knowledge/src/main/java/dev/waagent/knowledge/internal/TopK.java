package dev.waagent.knowledge.internal;

/**
 * The {@code k} best (id, score) pairs seen, in primitive arrays (a min-heap on score): a search offers thousands of
 * candidates and must not allocate an object for each.
 */
final class TopK {

    private final int[] ids;
    private final double[] scores;
    private int size;

    TopK(int k) {
        this.ids = new int[Math.max(1, k)];
        this.scores = new double[Math.max(1, k)];
    }

    void offer(int id, double score) {
        if (size < ids.length) {
            ids[size] = id;
            scores[size] = score;
            siftUp(size++);
        } else if (score > scores[0]) {
            ids[0] = id;
            scores[0] = score;
            siftDown(0);
        }
    }

    int size() {
        return size;
    }

    int id(int index) {
        return ids[index];
    }

    /** Ids best first (empties the heap). */
    int[] drainBestFirst() {
        int[] out = new int[size];
        for (int i = size - 1; i >= 0; i--) {
            out[i] = ids[0];
            size--;
            ids[0] = ids[size];
            scores[0] = scores[size];
            siftDown(0);
        }
        return out;
    }

    private void siftUp(int index) {
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (scores[parent] <= scores[index]) {
                return;
            }
            swap(parent, index);
            index = parent;
        }
    }

    private void siftDown(int index) {
        while (true) {
            int left = 2 * index + 1;
            if (left >= size) {
                return;
            }
            int smallest = left + 1 < size && scores[left + 1] < scores[left] ? left + 1 : left;
            if (scores[index] <= scores[smallest]) {
                return;
            }
            swap(index, smallest);
            index = smallest;
        }
    }

    private void swap(int a, int b) {
        int id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
        double score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
    }
}
