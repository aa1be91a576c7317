/**
 * WQL (and CQL's simple SELECTs): the parser, the query as records, and an evaluator that reads
 * properties through a lookup function and knows nothing of storage (after OMI's wql.h).
 *
 * <p>Depends on: {@code hvemu.cim}. Must not import: any other hvemu layer.
 */
package hvemu.cim.query;
