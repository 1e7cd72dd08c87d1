#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, so encoding.h would include the system's <unicode/ucnv.h>,
   whose enums clash with the ICU copy inside Foundation. Nothing here uses libxml2's ICU fields
   (they sit only in xmlCharEncodingHandler, which Swift never reads), so leave them out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
