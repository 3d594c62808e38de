package dev.schemagate.cli.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Streams a CSV file with a header row (RFC 4180 quoting), one record at a time. Every cell is
 * text; an empty cell is a null. A record with more cells than the header stops the check, named by
 * its line.
 */
final class CsvReader {
  private static final CsvMapper MAPPER = new CsvMapper();

  private CsvReader() {}

  static void read(InputStream in, String name, Set<String> fields, Consumer<Row> sink) {
    String[] names = fields.toArray(String[]::new);
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (MappingIterator<Map<String, String>> records =
        MAPPER.readerFor(Map.class).with(schema).readValues(in)) {
      CsvParser parser = (CsvParser) records.getParser();
      while (true) {
        long line = parser.currentLocation().getLineNr();
        Map<String, String> record;
        try {
          if (!records.hasNextValue()) {
            break;
          }
          line = parser.currentLocation().getLineNr();
          record = records.nextValue();
        } catch (JsonProcessingException e) {
          long at = e.getLocation() == null ? line : e.getLocation().getLineNr();
          throw JsonLinesReader.malformed(name, at, "not valid CSV: " + e.getOriginalMessage());
        }
        long recordLine = line;
        sink.accept(
            new Row() {
              @Override
              public Object get(int slot) {
                return record.containsKey(names[slot]) ? record.get(names[slot]) : MISSING;
              }

              @Override
              public long line() {
                return recordLine;
              }

              @Override
              public String render() {
                return Samples.render(names, this::get);
              }
            });
      }
    } catch (JsonProcessingException e) {
      long at = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      throw JsonLinesReader.malformed(name, at, "not valid CSV: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CheckException(
          CheckException.Reason.NOT_FOUND, name + ": cannot read: " + e.getMessage());
    }
  }
}
