package dev.falconet.rules.load;

import java.util.List;

/**
 * A list after merging all files and flattening (items naming an earlier list are replaced by its items).
 *
 * @param used whether a macro, rule or another list refers to it
 */
public record LoadedList(String name, List<String> items, SourceSpan location, boolean used) {
    public LoadedList {
        items = List.copyOf(items);
    }
}
