"""StreamField blocks of the campaign pages (news, activities, institutional pages).

They are the lesson blocks of `cursos.blocks`, so coordinators author every page of
the platform with the same pieces and the same previews.
"""

from wagtail import blocks

from cursos.blocks import (
    AccordionBlock,
    CalloutBlock,
    DocumentBlock,
    HeadingBlock,
    ImageBlock,
    LegalReferenceBlock,
    LessonTableBlock,
    ParagraphBlock,
    QuoteBlock,
    VideoBlock,
)


class CampaignStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    legal_reference = LegalReferenceBlock()
    callout = CalloutBlock()
    document = DocumentBlock()
    video = VideoBlock()
    faq = AccordionBlock()
    table = LessonTableBlock()
