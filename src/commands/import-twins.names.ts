/** Words lists add to a town's name that the gazetteer's names lack: «City of», «Municipality». */
const GENERIC_WORDS =
  /\b(city|town|municipality|municipal|district|county|borough|commune|prefecture|province|region|village|township|gmina|urban|rural|metropolitan|greater|island|islands|the|of)\b/gi;
/** Romanized Japanese, Korean and Chinese administrative suffixes: «Kobe-shi», «Suwon-si», «Chaoyang Qu». */
const ASIAN_SUFFIX = /[- ](shi|si|ku|gu|machi|cho|chō|mura|son|gun|myeon|eup|dong|xian|qu|zhen)$/i;
/** «Rottenburg am Neckar», «Cherbourg-en-Cotentin», «Rožmberk nad Vltavou»: the town is the first part. */
const LOCATIVE = /[\s-](am|an der|an|im|in der|in|bei|ob|nad|na|pod|en|sur|sous|lès|les|de|di|del)[\s-].+$/i;
/** District numbers: «Prague 1», «Budapest XI», «Vienna 1». */
const DISTRICT_NUMBER = /\s+([0-9]+|[IVXL]+)\.?$/;

/**
 * The spellings worth trying for a written town name, most literal first: the name itself, without
 * a parenthesis, a qualifier after a comma, generic words or an administrative suffix; for «City –
 * District» the district, then the city; finally the first town of a merged «A-B» municipality.
 */
export function nameVariants(written: string): string[] {
  const name = written.replace(/\[[^\]]*\]/g, '').trim();
  const withoutBrackets = name.replace(/\([^)]*\)/g, ' ').trim();
  const bases = [name, withoutBrackets, withoutBrackets.split(',')[0]!.trim()];
  // «Berlin – Steglitz-Zehlendorf», «Seoul – Songpa»: the district first, the city after it.
  const dashed = withoutBrackets.split(/\s+[–—-]\s+|\s*\/\s*|\s+or\s+/);
  if (dashed.length > 1) bases.push(...dashed.slice(1), dashed[0]!);
  const variants: string[] = [];
  for (const base of bases) {
    variants.push(
      base,
      base.replace(GENERIC_WORDS, ' ').replace(/\s+/g, ' ').trim(),
      base.replace(ASIAN_SUFFIX, '').trim(),
      base.replace(DISTRICT_NUMBER, '').trim(),
      base.replace(LOCATIVE, '').trim(),
      // Spa towns gained «Bad» lately (Bad Kötzting was Kötzting); the gazetteer may not know it.
      base.replace(/^Bad\s+/, ''),
    );
  }
  const inBrackets = /\(([^)]*)\)/.exec(name)?.[1];
  if (inBrackets) variants.push(inBrackets.trim());
  // A merged municipality («Zeulenroda-Triebes», «Mänttä-Vilppula») is known by its first town.
  for (const base of bases) {
    const first = /^([^\s-]{4,})-[^\s-]{4,}$/.exec(base)?.[1];
    if (first) variants.push(first);
  }
  return [...new Set(variants)].filter((variant) => variant.length > 1);
}
