import { z } from 'zod';

/** The largest SAML metadata read, fetched or pasted: one IdP's, not a whole federation's aggregate. */
export const SAML_METADATA_MAX_BYTES = 900 * 1024;

const entityId = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .optional()
  .meta({ description: "A federation's metadata describes many IdPs: the entity id of the one to use." });

/** An IdP's SAML metadata, by its address or as the file's text, to turn into the provider's settings. */
export const samlMetadataImport = z
  .union([
    z.strictObject({
      url: z
        .url({ protocol: /^https?$/ })
        .max(2000)
        .meta({ description: 'Where the IdP publishes its metadata (fetched by the server, at most 10 s).' }),
      entityId,
    }),
    z.strictObject({
      xml: z.string().min(1).max(SAML_METADATA_MAX_BYTES).meta({ description: 'The metadata file, as text.' }),
      entityId,
    }),
  ])
  .meta({ id: 'SamlMetadataImport' });
