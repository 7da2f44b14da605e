import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { PaymentServiceEntity } from './payment-service.entity';
import { SiteEntity } from './site.entity';

@Module({
  imports: [TypeOrmModule.forFeature([PaymentServiceEntity, SiteEntity])],
  controllers: [CatalogController],
  providers: [CatalogService],
})
export class CatalogModule {}
