import { parseXml, type XmlReader } from '@multicloud/core';
import { scanInstancesResponse } from './scan-describe-instances.js';

/** The one answer worth a dedicated reader: megabytes for a thousand instances. */
const DESCRIBE_INSTANCES = 'DescribeInstancesResponse';

/**
 * The EC2 driver's default XML reader. A `DescribeInstances` answer goes through {@link scanInstancesResponse},
 * which reads only what the node conversion needs and is many times faster than fast-xml-parser. The query
 * client does not say which action it reads, so the scanner itself checks the root element and declines any
 * other answer within its first bytes; whatever it declines goes through `parseXml`, which also turns a broken
 * body into a `MalformedResponseError`.
 */
export const ec2XmlReader: XmlReader = (text, options) => {
  if (!options.arrayPaths?.length && (options.root === undefined || options.root === DESCRIBE_INSTANCES)) {
    const document = scanInstancesResponse(text, DESCRIBE_INSTANCES);
    if (document !== undefined) return document;
  }
  return parseXml(text, options);
};
